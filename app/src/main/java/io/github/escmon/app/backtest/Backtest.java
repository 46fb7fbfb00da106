package io.github.escmon.app.backtest;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.app.output.CanonicalOrder;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.JsonSerde;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.RowReader;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One pass of a file through the real pipeline: topics, monitor, publish, wait until the monitor has committed
 * every input offset, then read back every committed score and alert in canonical order.
 */
public final class Backtest {

    /** What a pass produced. */
    public record Result(PublishReport published, OutcomeCounts outcomes, List<DyadScore> scores, List<Alert> alerts) {
    }

    private Backtest() {
    }

    public static Result run(Cluster cluster, EscmonConfig config, RowReader input, Duration timeout,
                             LongConsumer progress) throws Exception {
        TopicNames topics = config.topics();
        ensureTopics(cluster, config);
        try (Monitor monitor = new Monitor(config).start(timeout)) {
            PublishReport report = publishAndDrain(cluster, config, monitor, input, timeout, progress);
            return new Result(report, monitor.outcomes(),
                    CanonicalOrder.sort(readAll(cluster, topics.scores(), DyadScore.class, timeout), DyadScore::at),
                    CanonicalOrder.sort(readAll(cluster, topics.alerts(), Alert.class, timeout), Alert::at));
        }
    }

    public static void ensureTopics(Cluster cluster, EscmonConfig config) {
        TopicSetup.ensure(cluster.admin(), config.topics(), config.integer("topics.partitions"),
                (short) config.integer("topics.replication-factor"));
    }

    /** Publishes {@code input} and returns once {@code monitor} has committed everything it published. */
    public static PublishReport publishAndDrain(Cluster cluster, EscmonConfig config, Monitor monitor,
                                                RowReader input, Duration timeout, LongConsumer progress)
            throws Exception {
        String incidents = config.topics().incidents();
        PublishReport report;
        try (var publisher = new IncidentPublisher(cluster.clientProperties(), incidents, config.scoreParameters().tick())) {
            report = FilePublisher.publish(input, publisher, null, progress);
        }
        var t = config.topics();
        Drain.awaitCommitted(cluster.admin(), monitor.applicationId(), Drain.endOffsets(cluster.admin(), incidents),
                List.of(t.scores(), t.alerts(), t.deadLetter()), timeout, monitor::checkHealthy);
        return report;
    }

    private static <V> List<org.apache.kafka.clients.consumer.ConsumerRecord<String, V>> readAll(
            Cluster cluster, String topic, Class<V> type, Duration timeout) {
        try (var reader = new TopicReader<>(cluster.clientProperties(), topic, new JsonSerde<>(type).deserializer())) {
            return reader.readToEnd(timeout);
        }
    }
}
