package io.github.escmon.testkit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.core.ConditionTimeoutException;

/** Polling with deadlines, so tests never sleep a fixed time to wait for Kafka. */
public final class KafkaAwait {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private KafkaAwait() {
    }

    /**
     * Reads {@code topic} from the beginning of all its partitions (read_committed, no consumer group) until
     * {@code done} holds for the records read so far, and returns them (per partition in offset order). Waits for the
     * topic to exist. Fails the test if {@code done} does not hold within {@code timeout}. The deserializers are
     * closed with the consumer.
     */
    public static <K, V> List<ConsumerRecord<K, V>> consumeUntil(String bootstrapServers, String topic,
            Deserializer<K> keys, Deserializer<V> values, Predicate<List<ConsumerRecord<K, V>>> done, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            while (!done.test(records)) {
                if (System.nanoTime() > deadline) {
                    fail("Waited " + timeout + " on topic " + topic + "; the condition does not hold for the "
                            + records.size() + " record(s) read: " + summary(records));
                }
                if (consumer.assignment().isEmpty()) {
                    assignAllPartitions(consumer, topic);
                } else {
                    consumer.poll(POLL_INTERVAL).forEach(records::add);
                }
            }
        }
        return records;
    }

    /** {@link #consumeUntil} at least {@code count} records. */
    public static <K, V> List<ConsumerRecord<K, V>> consume(String bootstrapServers, String topic,
            Deserializer<K> keys, Deserializer<V> values, int count, Duration timeout) {
        return consumeUntil(bootstrapServers, topic, keys, values, records -> records.size() >= count, timeout);
    }

    /**
     * Checks {@code condition} every 100 ms until it returns true; fails the test, naming {@code what}, if it does not
     * within {@code timeout}. An exception thrown by the condition fails at once. Awaitility polls, in this thread.
     */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        try {
            await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL).pollInSameThread()
                    .until(condition);
        } catch (ConditionTimeoutException e) {
            fail("Timed out after " + timeout + " waiting for " + what);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) { // Awaitility rethrows the condition's checked exceptions as they are
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for " + what, e);
            }
            fail("Failed while waiting for " + what + ": " + e, e);
        }
    }

    /** Assigns every partition of {@code topic} from offset 0, or nothing if the topic does not exist yet. */
    private static void assignAllPartitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(topic, POLL_INTERVAL.multipliedBy(10));
        } catch (RetriableException e) {
            return; // metadata not available yet (timeout, unknown topic): try again on the next round
        }
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> assignment = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assignment);
        consumer.seekToBeginning(assignment);
    }

    private static String summary(List<? extends ConsumerRecord<?, ?>> records) {
        int shown = Math.min(records.size(), 10);
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < shown; i++) {
            ConsumerRecord<?, ?> r = records.get(i);
            out.append(i == 0 ? "" : ", ").append(r.partition()).append('@').append(r.offset())
                    .append(' ').append(r.key()).append('=').append(r.value());
        }
        return out.append(records.size() > shown ? ", ...]" : "]").toString();
    }
}
