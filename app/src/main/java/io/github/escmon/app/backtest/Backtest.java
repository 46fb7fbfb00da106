package io.github.escmon.app.backtest;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.app.output.RunProgress;
import io.github.escmon.app.output.SortedRecords;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.RowReader;
import java.time.Duration;
import java.util.List;

/**
 * One pass of a file through the real pipeline: topics, monitor, publish, wait until the monitor has committed
 * every input offset, then read back every committed score and alert in canonical order.
 */
public final class Backtest {

    /** What a pass produced: its records in canonical order, spilled to temp files when large; close it. */
    public record Result(PublishReport published, OutcomeCounts outcomes, SortedRecords<DyadScore> scores,
                         SortedRecords<Alert> alerts) implements AutoCloseable {
        @Override
        public void close() {
            scores.close();
            alerts.close();
        }
    }

    private Backtest() {
    }

    public static Result run(Cluster cluster, EscmonConfig config, RowReader input, Duration timeout,
                             RunProgress progress) throws Exception {
        return run(cluster, config, input, timeout, progress, true);
    }

    /**
     * As above; with {@code keepScores} false the score records are only counted ({@link SortedRecords#count}), for a
     * run that writes no score file: the alerts are read back in order all the same.
     */
    public static Result run(Cluster cluster, EscmonConfig config, RowReader input, Duration timeout,
                             RunProgress progress, boolean keepScores) throws Exception {
        TopicNames topics = config.topics();
        ensureTopics(cluster, config);
        try (Monitor monitor = new Monitor(config).start(timeout)) {
            PublishReport report = publishAndDrain(cluster, config, monitor, input, timeout, progress);
            SortedRecords<DyadScore> scores = keepScores
                    ? SortedRecords.read(cluster.clientProperties(), topics.scores(), DyadScore.class, timeout)
                    : SortedRecords.count(cluster.clientProperties(), topics.scores(), DyadScore.class, timeout);
            try {
                return new Result(report, monitor.outcomes(), scores,
                        SortedRecords.read(cluster.clientProperties(), topics.alerts(), Alert.class, timeout));
            } catch (RuntimeException e) {
                scores.close();
                throw e;
            }
        }
    }

    public static void ensureTopics(Cluster cluster, EscmonConfig config) {
        TopicSetup.ensure(cluster.admin(), config.topics(), config.integer("topics.partitions"),
                (short) config.integer("topics.replication-factor"));
    }

    /** Publishes {@code input} and returns once {@code monitor} has committed everything it published. */
    public static PublishReport publishAndDrain(Cluster cluster, EscmonConfig config, Monitor monitor,
                                                RowReader input, Duration timeout, RunProgress progress)
            throws Exception {
        String incidents = config.topics().incidents();
        PublishReport report;
        try (var publisher = new IncidentPublisher(cluster.clientProperties(), incidents, config.scoreParameters().tick())) {
            report = FilePublisher.publish(input, publisher, null, progress);
        }
        var t = config.topics();
        var ends = Drain.endOffsets(cluster.admin(), incidents);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        Drain.awaitCommitted(cluster.admin(), monitor.applicationId(), ends,
                List.of(t.scores(), t.alerts(), t.deadLetter()), timeout, monitor::checkHealthy,
                committed -> progress.committed(committed, total));
        return report;
    }
}
