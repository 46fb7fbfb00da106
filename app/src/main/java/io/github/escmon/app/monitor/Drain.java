package io.github.escmon.app.monitor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the monitor has processed a topic up to given offsets: its consumer group has committed them.
 * Under exactly-once, committed input offsets mean that every score and alert they caused is committed too.
 */
public final class Drain {

    private Drain() {
    }

    /** The current end offset of every partition of {@code topic}. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * Blocks until group {@code groupId} has committed at least {@code targets}, checking {@code health} between
     * polls; throws when {@code timeout} passes first.
     */
    public static void awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> targets, Duration timeout,
                                      Runnable health) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            health.run();
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            long behind = 0;
            for (var target : targets.entrySet()) {
                OffsetAndMetadata c = committed.get(target.getKey());
                long at = c == null ? 0 : c.offset();
                behind += Math.max(0, target.getValue() - at);
            }
            if (behind == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the monitor is still " + behind + " records behind after " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
