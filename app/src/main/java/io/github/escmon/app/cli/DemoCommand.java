package io.github.escmon.app.cli;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.backtest.Tally;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.metrics.SourceMetrics;
import io.github.escmon.app.service.ServedMonitor;
import io.github.escmon.app.output.AlertFollower;
import io.github.escmon.app.output.AlertLine;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.Sources;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Watch the monitor work: the Iran-Pakistan crisis of January 2024, alert by alert.",
                "",
                "Starts an embedded Kafka broker (unless --bootstrap-servers is given), creates the topics, runs the scoring and alert topologies, publishes the seed story (13 incidents, Dec 2023 - Jan 2024) and prints each alert as it fires. Exits when the story is done; --follow keeps everything running so that any Kafka client, 'escmon produce' or 'escmon alerts' can attach, and serves the HTTP endpoints of 'escmon run' (--http-port, --http-bind)."})
public final class DemoCommand implements Callable<Integer> {

    static final String SEED = "/scenarios/iran-pakistan-2024.jsonl";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--follow", description = "Keep the broker and the monitor running after the story, printing new alerts, until Ctrl-C.")
    boolean follow;

    @Mixin
    HttpOptions http;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE}; a free port if it is taken).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the embedded broker's data here (default: a temporary directory, deleted on exit).")
    Path dataDir;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the topics (default: topics.partitions, 6).")
    Integer partitions;

    @Override
    public Integer call() throws Exception {
        Path stateDir = Files.createTempDirectory("escmon-demo-state");
        Map<String, String> flags = new HashMap<>(Map.of("application.id", "escmon-demo", "state.dir", stateDir.toString()));
        if (partitions != null) {
            flags.put("topics.partitions", partitions.toString());
        }
        EscmonConfig base = kafka.config(flags);
        Duration timeout = Duration.ofMinutes(2);
        try (ShutdownSignal signal = new ShutdownSignal();
             Cluster cluster = kafka.hasCluster(base) ? Cluster.external(base) : Cluster.embedded(base, dataDir, port)) {
            EscmonConfig config = cluster.config();
            System.out.println("Kafka broker: " + cluster.bootstrapServers());
            Backtest.ensureTopics(cluster, config);
            try (ServedMonitor served = follow ? ServedMonitor.open(config, http.settings()) : null;
                 // without --follow, the story is published while Kafka Streams starts: it reads from the start
                 Monitor monitor = served != null ? served.monitor().start(timeout) : begun(new Monitor(config));
                 AlertFollower alerts = new AlertFollower(cluster.clientProperties(), config.topics().alerts(),
                         a -> System.out.println(AlertLine.format(a))).start();
                 RowReader story = Sources.open(new BufferedReader(new InputStreamReader(
                         Objects.requireNonNull(DemoCommand.class.getResourceAsStream(SEED), SEED), StandardCharsets.UTF_8)),
                         Format.JSONL, config.sourceSettings())) {
                System.out.println("Publishing the seed story: Iran, Pakistan, Iraq and Jaish al-Adl, December 2023 - January 2024");
                System.out.println();
                PublishReport report = Backtest.publishAndDrain(cluster, config, monitor, story, timeout, lines -> { });
                if (served != null) {
                    new SourceMetrics(served.metrics().registry()).add(report);
                }
                alerts.awaitCaughtUp(timeout);
                System.out.println();
                System.out.println("Story done. " + Tally.of(report, monitor.outcomes()) + "; " + alerts.seen() + " alerts.");
                if (follow) {
                    System.out.println("HTTP: http://" + served.http().authority()
                            + "/metrics, /ready, /dyads/IRN-PAK, /alerts");
                    System.out.println("Following. Topics: " + config.topics() + ". Publish more with");
                    System.out.println("  escmon produce FILE.jsonl --bootstrap-servers " + cluster.bootstrapServers());
                    System.out.println("Ctrl-C to stop.");
                    while (!signal.await(1_000)) {
                        monitor.checkHealthy();
                    }
                    System.out.println("Stopping…");
                }
            } finally {
                RunTopics.deleteDirectory(stateDir);
            }
        }
        return 0;
    }

    private static Monitor begun(Monitor monitor) {
        monitor.begin();
        return monitor;
    }
}
