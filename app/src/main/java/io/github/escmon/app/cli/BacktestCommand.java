package io.github.escmon.app.cli;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.backtest.Tally;
import io.github.escmon.app.config.Durations;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.output.AlertLine;
import io.github.escmon.app.output.JsonLinesWriter;
import io.github.escmon.app.output.Progress;
import io.github.escmon.app.report.ChangedSettings;
import io.github.escmon.app.report.HtmlReport;
import io.github.escmon.app.report.ReportInput;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.app.security.CommandAcls;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.source.RowReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Run a file of incidents through the monitor, headless, and write every score and alert.",
                "",
                "Uses a fresh embedded broker (or, with --bootstrap-servers, topics and an application id of its own "
                        + "that are deleted afterwards), the same topologies as 'escmon run', and prints the alerts and a tally "
                        + "whose parts add up to the lines read. Invalid lines are reported with their line numbers.",
                "",
                "The score and alert files are in one order whatever the partitioning (by time, then dyad), sorted in "
                        + "bounded memory with runs spilled to the temp directory: millions of events fit a small heap. "
                        + "--report keeps the run's records in memory to draw them."})
public final class BacktestCommand implements Callable<Integer>, ConnectsToKafka {

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "FILE", description = "Incidents: JSON Lines, a GDELT 2.0 or 1.0 export or an ACLED CSV (.zip and .gz too).")
    Path file;

    @Mixin
    SourceOptions source;

    @Option(names = "--scores-out", paramLabel = "FILE", description = "Write every score record here (JSON Lines).")
    Path scoresOut;

    @Option(names = "--alerts-out", paramLabel = "FILE", description = "Write every alert record here (JSON Lines).")
    Path alertsOut;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write invalid lines here: line number, field, reason (JSON Lines).")
    Path errorsOut;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a self-contained HTML report here: the alert episodes and, per alerting dyad, its score chart, alerts and events.")
    Path reportOut;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the run's topics (default: topics.partitions, 6). The result does not depend on it.")
    Integer partitions;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", description = "Give up when the monitor commits nothing for this long (default: ${DEFAULT-VALUE}); a long file takes as long as it takes.")
    String timeout;

    @Option(names = "--quiet", description = "Print only the tally.")
    boolean quiet;

    private ClusterAccess access;

    @Override
    public ClusterAccess access() {
        return access;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file or not readable");
        }
        String runId = "backtest-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> flags = new HashMap<>();
        flags.put("application.id", "escmon-" + runId);
        Path stateDir = Files.createTempDirectory("escmon-" + runId);
        flags.put("state.dir", stateDir.toString());
        if (partitions != null) {
            flags.put("topics.partitions", partitions.toString());
        }
        EscmonConfig config = kafka.config(flags);
        if (kafka.hasCluster(config)) {
            TopicNames t = TopicNames.defaults().withSuffix(runId);
            config = config.with(Map.of("topics.incidents", t.incidents(), "topics.dead-letter", t.deadLetter(),
                    "topics.scores", t.scores(), "topics.alerts", t.alerts()));
            access = ClusterAccess.of("backtest", config, CommandAcls.backtest(config));
        }
        Duration limit = Durations.parse("--timeout", timeout);
        try (Cluster cluster = kafka.hasCluster(config) ? Cluster.external(config) : Cluster.embedded(config, null, 0);
             RowReader rows = source.open(file, config)) {
            Backtest.Result result;
            try {
                try (Progress progress = Progress.of("backtest", rows, Files.size(file), quiet)) {
                    // the score records are sorted (through the temp directory when many) only to be written or drawn
                    result = Backtest.run(cluster, cluster.config(), rows, limit, progress, scoresOut != null || reportOut != null);
                }
            } finally {
                if (!cluster.isEmbedded()) {
                    RunTopics.delete(cluster.admin(), cluster.config().topics(), cluster.config().get("application.id"));
                }
                RunTopics.deleteDirectory(stateDir);
            }
            try (result) {
                report(result, rows, config);
            }
            return 0;
        }
    }

    private void report(Backtest.Result result, RowReader rows, EscmonConfig config) throws IOException {
        if (scoresOut != null) {
            JsonLinesWriter.write(scoresOut, result.scores());
        }
        if (alertsOut != null) {
            JsonLinesWriter.write(alertsOut, result.alerts());
        }
        if (errorsOut != null) {
            JsonLinesWriter.write(errorsOut, result.published().errors());
        }
        if (reportOut != null) {
            // the report draws every score record of the alerting dyads: it holds the run's records in memory
            HtmlReport.write(reportOut, new ReportInput(file.getFileName().toString(),
                    Tally.of(result.published(), result.outcomes()), result.scores().toList(), result.alerts().toList(),
                    config.alertParameters(), ChangedSettings.of(config)));
        }
        if (!quiet) {
            result.alerts().forEach(a -> System.out.println(AlertLine.format(a)));
            var codes = rows.derivedActorCodes();
            if (!codes.isEmpty()) {
                System.out.println("Actor codes derived from names (" + codes.size() + "):");
                codes.forEach((code, name) -> System.out.println("  " + code + "  " + name));
            }
            result.published().errors().stream().limit(20).forEach(e ->
                    System.out.println("line " + e.line() + ": " + e.reason()));
            if (result.published().errors().size() > 20) {
                System.out.println("… " + (result.published().errors().size() - 20) + " more invalid lines"
                        + (errorsOut == null ? " (write them all with --errors FILE)" : " in " + errorsOut));
            }
        }
        System.out.println(Tally.of(result.published(), result.outcomes()) + "; " + result.scores().size() + " score records, "
                + result.alerts().size() + " alerts");
    }
}
