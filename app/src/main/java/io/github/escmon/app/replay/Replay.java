package io.github.escmon.app.replay;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.app.output.SortedRecords;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.topology.ReplayBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Re-scores a range of the historical input topic with a separate application (its own id, state and output
 * topics), leaving the live monitor untouched: the group's offsets are set to the lead-in start before it
 * starts, it reads each partition up to the plan's end, and the run is over when those offsets are committed.
 */
public final class Replay {

    /** What a replay produced: its records in canonical order, spilled to temp files when large; close it. */
    public record Result(ReplayPlan plan, SortedRecords<DyadScore> scores, SortedRecords<Alert> alerts)
            implements AutoCloseable {
        @Override
        public void close() {
            scores.close();
            alerts.close();
        }
    }

    private Replay() {
    }

    /**
     * @param config    the replay's configuration: its own application.id, state.dir and output topic names, the
     *                  live incidents topic as input, and any changed score or alert settings
     * @param progress  called with the number of input records done so far
     */
    public static Result run(Cluster cluster, EscmonConfig config, Instant from, Instant to, Duration extraLeadIn,
                             Duration timeout, LongConsumer progress) throws Exception {
        Admin admin = cluster.admin();
        TopicNames topics = config.topics();
        String appId = config.get("application.id");
        ReplayPlan plan = plan(admin, topics.incidents(), from, to,
                ReplayPlan.leadInFrom(from, config.scoreParameters().window(), config.scoreParameters().tick(), extraLeadIn));
        refuseIfUsed(admin, appId, topics);
        TopicSetup.ensure(admin, topics, plan.start().size(), (short) config.integer("topics.replication-factor"));
        Map<TopicPartition, OffsetAndMetadata> startAt = new HashMap<>();
        plan.start().forEach((p, offset) -> startAt.put(new TopicPartition(topics.incidents(), p), new OffsetAndMetadata(offset)));
        admin.alterConsumerGroupOffsets(appId, startAt).all().get(30, TimeUnit.SECONDS);

        try (Monitor monitor = new Monitor(config, new ReplayBounds(plan.end(), from)).start(timeout)) {
            Map<TopicPartition, Long> targets = new HashMap<>();
            plan.end().forEach((p, offset) -> targets.put(new TopicPartition(topics.incidents(), p), offset));
            awaitWithProgress(admin, appId, plan, targets, List.of(topics.scores(), topics.alerts(), topics.deadLetter()),
                    timeout, monitor, progress);
        }
        SortedRecords<DyadScore> scores = SortedRecords.read(cluster.clientProperties(), topics.scores(), DyadScore.class, timeout);
        try {
            return new Result(plan, scores, SortedRecords.read(cluster.clientProperties(), topics.alerts(), Alert.class, timeout));
        } catch (RuntimeException e) {
            scores.close();
            throw e;
        }
    }

    static ReplayPlan plan(Admin admin, String input, Instant from, Instant to, Instant leadInFrom)
            throws ExecutionException, InterruptedException {
        var description = admin.describeTopics(List.of(input)).allTopicNames().get().get(input);
        Map<TopicPartition, OffsetSpec> startSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> endSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var p : description.partitions()) {
            TopicPartition tp = new TopicPartition(input, p.partition());
            startSpec.put(tp, OffsetSpec.forTimestamp(leadInFrom.toEpochMilli()));
            endSpec.put(tp, to == null ? OffsetSpec.latest() : OffsetSpec.forTimestamp(to.toEpochMilli() + 1));
            latest.put(tp, OffsetSpec.latest());
        }
        var ends = admin.listOffsets(latest).all().get();
        var starts = admin.listOffsets(startSpec).all().get();
        var stops = admin.listOffsets(endSpec).all().get();
        Map<Integer, Long> start = new HashMap<>();
        Map<Integer, Long> end = new HashMap<>();
        for (var tp : latest.keySet()) {
            long last = ends.get(tp).offset();
            long s = starts.get(tp).offset();
            long e = stops.get(tp).offset();
            // no record at or after the time: Kafka answers -1, meaning "the end"
            start.put(tp.partition(), s < 0 ? last : s);
            end.put(tp.partition(), e < 0 ? last : e);
        }
        return new ReplayPlan(from, to, leadInFrom, start, end);
    }

    private static void refuseIfUsed(Admin admin, String appId, TopicNames topics) throws Exception {
        var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> taken = new ArrayList<>();
        for (String t : List.of(topics.scores(), topics.alerts(), topics.deadLetter())) {
            if (existing.contains(t)) {
                taken.add(t);
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("the replay's output topics " + taken + " exist already (a replay kept with --keep?);"
                    + " choose another --name, or delete them first");
        }
        var groups = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        if (!groups.isEmpty()) {
            throw new IllegalStateException("application " + appId + " has committed offsets already; choose another --name");
        }
    }

    private static void awaitWithProgress(Admin admin, String appId, ReplayPlan plan, Map<TopicPartition, Long> targets,
                                          List<String> outputs, Duration timeout, Monitor monitor, LongConsumer progress)
            throws Exception {
        Thread reporter = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    var committed = admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
                    long done = 0;
                    for (var e : plan.start().entrySet()) {
                        var c = committed.get(new TopicPartition(targets.keySet().iterator().next().topic(), e.getKey()));
                        long at = c == null ? e.getValue() : Math.min(c.offset(), plan.end().get(e.getKey()));
                        done += Math.max(0, at - e.getValue());
                    }
                    progress.accept(done);
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // progress is best effort; the wait below reports real failures
            }
        }, "escmon-replay-progress");
        reporter.setDaemon(true);
        reporter.start();
        try {
            Drain.awaitCommitted(admin, appId, targets, outputs, timeout, monitor::checkHealthy);
            progress.accept(plan.total());
        } finally {
            reporter.interrupt();
        }
    }
}
