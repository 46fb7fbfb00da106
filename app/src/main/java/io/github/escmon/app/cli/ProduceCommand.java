package io.github.escmon.app.cli;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.output.JsonLinesWriter;
import io.github.escmon.events.IncidentSerde;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
import java.nio.file.Files;
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
                "Each valid line is sent keyed by its dyad with its event time as timestamp, with heartbeats to every",
                "partition as event time crosses tick boundaries; invalid lines are reported with their line numbers",
                "and not sent. Creates the topics if they are missing."})
public final class ProduceCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "FILE", description = "Incidents as JSON Lines (SCORING.md §1 schema).")
    Path file;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write invalid lines here: line number, field, reason (JSON Lines).")
    Path errorsOut;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file or not readable");
        }
        EscmonConfig config = kafka.config(Map.of());
        if (!kafka.hasCluster(config)) {
            config = config.with(Map.of("bootstrap.servers", "127.0.0.1:9092"));
        }
        try (Cluster cluster = Cluster.external(config)) {
            Backtest.ensureTopics(cluster, config);
            PublishReport report;
            try (var publisher = new IncidentPublisher(cluster.clientProperties(), config.topics().incidents(),
                    config.scoreParameters().tick())) {
                report = new FilePublisher(new IncidentSerde(config.validator())).publish(file, publisher, lines -> { });
            }
            report.errors().stream().limit(20).forEach(e -> System.out.println("line " + e.line() + ": " + e.reason()));
            if (errorsOut != null) {
                JsonLinesWriter.write(errorsOut, report.errors());
            }
            System.out.printf("read %d: published %d, heartbeat lines %d, invalid %d (to %s on %s; %d heartbeat records)%n",
                    report.read(), report.published(), report.heartbeatLines(), report.invalid(),
                    config.topics().incidents(), cluster.bootstrapServers(), report.heartbeats());
            return report.invalid() == 0 ? 0 : 2;
        }
    }
}
