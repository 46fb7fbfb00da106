package io.github.escmon.app.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning, committed records only, without a consumer group. */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<TopicPartition> partitions;

    public TopicReader(Properties clientProps, String topic, Deserializer<V> values) {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), values);
        try {
            this.partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic '" + topic + "' does not exist on " + p.getProperty("bootstrap.servers"));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO); // refused (a login, an ACL) or no such topic: the caller gets no reader to close
            throw e;
        }
    }

    /** Every record up to the end offsets as of now; fails if reading makes no progress for {@code timeout} before. */
    public List<ConsumerRecord<String, V>> readToEnd(Duration timeout) {
        List<ConsumerRecord<String, V>> all = new ArrayList<>();
        readToEnd(timeout, all::add);
        return all;
    }

    /** As {@link #readToEnd(Duration)}, handing each record to {@code sink} instead of keeping it. */
    public void readToEnd(Duration timeout, Consumer<ConsumerRecord<String, V>> sink) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + timeout.toNanos();
        long position = position();
        while (!reached(ends)) {
            consumer.poll(Duration.ofMillis(200)).forEach(sink);
            long now = position(); // aborted transactions move it without records
            if (now != position) {
                position = now;
                deadline = System.nanoTime() + timeout.toNanos(); // a stall, not a total: long runs read long
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partitions + " to " + ends + ": no progress for " + timeout);
            }
        }
    }

    /** Hands records to {@code sink} as they arrive, for one poll of at most {@code wait}. */
    public int poll(Duration wait, Consumer<ConsumerRecord<String, V>> sink) {
        var records = consumer.poll(wait);
        records.forEach(sink);
        return records.count();
    }

    /** Whether everything up to the end offsets as of now has been read. */
    public boolean atEnd() {
        return reached(consumer.endOffsets(partitions));
    }

    private long position() {
        long sum = 0;
        for (TopicPartition p : partitions) {
            sum += consumer.position(p);
        }
        return sum;
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (var e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
