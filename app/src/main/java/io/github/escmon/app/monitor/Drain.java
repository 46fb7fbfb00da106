package io.github.escmon.app.monitor;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the monitor has processed a topic up to given offsets: its consumer group has committed them,
 * and the transactions that wrote its outputs are complete on every output partition. Under exactly-once the
 * input offsets commit with the outputs, but the commit markers reach each output partition on their own, so
 * a reader that came too early would stop short of the last transaction.
 */
public final class Drain {

    private Drain() {
    }

    /** The current end offset of every partition of {@code topic}. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws ExecutionException, InterruptedException {
        return offsets(admin, List.of(topic), IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * Blocks until group {@code groupId} has committed at least {@code targets} and {@code outputs} have no open
     * transaction, checking {@code health} between polls; throws when the group has committed nothing new for
     * {@code timeout}. A stall, not a total: a backtest of a year of events takes as long as it takes.
     */
    public static void awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> targets,
                                      Collection<String> outputs, Duration timeout, Runnable health)
            throws ExecutionException, InterruptedException {
        awaitCommitted(admin, groupId, targets, outputs, timeout, health, committed -> { });
    }

    /** As above, telling {@code committed} after each poll how many of the targets' records are committed. */
    public static void awaitCommitted(Admin admin, String groupId, Map<TopicPartition, Long> targets,
                                      Collection<String> outputs, Duration timeout, Runnable health,
                                      LongConsumer committed)
            throws ExecutionException, InterruptedException {
        long total = targets.values().stream().mapToLong(Long::longValue).sum();
        long deadline = System.nanoTime() + timeout.toNanos();
        long least = Long.MAX_VALUE;
        while (true) {
            health.run();
            long behind = behind(admin, groupId, targets);
            committed.accept(total - behind);
            long open = behind > 0 ? 1 : unstable(admin, outputs);
            if (behind == 0 && open == 0) {
                return;
            }
            if (behind < least) {
                least = behind;
                deadline = System.nanoTime() + timeout.toNanos();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(behind > 0
                        ? "the monitor is still " + behind + " records behind, and has committed nothing for " + timeout
                        : "outputs " + outputs + " still have open transactions after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** Records up to {@code targets} that group {@code groupId} has not committed yet. */
    public static long behind(Admin admin, String groupId, Map<TopicPartition, Long> targets)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        long behind = 0;
        for (var target : targets.entrySet()) {
            OffsetAndMetadata c = committed.get(target.getKey());
            behind += Math.max(0, target.getValue() - (c == null ? 0 : c.offset()));
        }
        return behind;
    }

    /** How many output partitions have records not yet readable by read_committed consumers. */
    private static long unstable(Admin admin, Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> stable = offsets(admin, topics, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> end = offsets(admin, topics, IsolationLevel.READ_UNCOMMITTED);
        return end.entrySet().stream().filter(e -> !e.getValue().equals(stable.get(e.getKey()))).count();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Collection<String> topics, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get()
                .forEach((tp, info) -> result.put(tp, info.offset()));
        return result;
    }
}
