package io.github.escmon.app.cli;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.output.JsonLinesWriter;
import io.github.escmon.producer.publish.DeadLetterPublisher;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.RowReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish a file of incidents to the 'incidents' topic.",
                "",
                "Each valid row is sent keyed by its dyad with its event time as timestamp, with heartbeats to every",
                "partition as event time crosses tick boundaries; invalid rows are reported with their line numbers",
                "(and with --dlq also sent raw to the dead-letter topic). Creates the topics if they are missing.",
                "Exit code 0 when every row was published or unpaired, 2 when some were invalid."})
public final class ProduceCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SourceOptions source;

    @Parameters(paramLabel = "FILE", description = "Incidents: JSON Lines, a GDELT 2.0 or 1.0 export or an ACLED CSV (.zip and .gz too).")
    Path file;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write invalid rows here: line number, field, reason (JSON Lines).")
    Path errorsOut;

    @Option(names = "--dlq", description = "Also send each invalid row, raw, to the dead-letter topic with its reason and line number.")
    boolean deadLetters;

    @Override
    public Integer call() throws Exception {
        EscmonConfig config = kafka.config(Map.of());
        if (!kafka.hasCluster(config)) {
            config = config.with(Map.of("bootstrap.servers", "127.0.0.1:9092"));
        }
        try (Cluster cluster = Cluster.external(config);
             RowReader rows = source.open(file, config)) {
            Backtest.ensureTopics(cluster, config);
            PublishReport report;
            try (var publisher = new IncidentPublisher(cluster.clientProperties(), config.topics().incidents(),
                    config.scoreParameters().tick());
                 var dlq = deadLetters ? new DeadLetterPublisher(cluster.clientProperties(), config.topics().deadLetter(),
                         file.getFileName().toString()) : null) {
                report = FilePublisher.publish(rows, publisher, dlq, lines -> { });
            }
            report.errors().stream().limit(20).forEach(e -> System.out.println("line " + e.line() + ": " + e.reason()));
            if (errorsOut != null) {
                JsonLinesWriter.write(errorsOut, report.errors());
            }
            System.out.printf("read %d: published %d, unpaired %d, invalid %d, heartbeat rows %d (%s to %s on %s; %d heartbeat records)%n",
                    report.read(), report.published(), report.unpaired(), report.invalid(), report.heartbeatLines(),
                    rows.format(), config.topics().incidents(), cluster.bootstrapServers(), report.heartbeats());
            return report.invalid() == 0 ? 0 : 2;
        }
    }
}
