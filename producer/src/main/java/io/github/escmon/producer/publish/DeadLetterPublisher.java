package io.github.escmon.producer.publish;

import io.github.escmon.producer.source.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends invalid rows of a file to the dead-letter topic, raw, with the same reason headers the monitor writes
 * ({@code escmon.reason}, {@code escmon.field}) plus where the row came from ({@code escmon.file},
 * {@code escmon.line}).
 */
public final class DeadLetterPublisher implements AutoCloseable {

    public static final String FILE = "escmon.file";
    public static final String LINE = "escmon.line";
    public static final String REASON = "escmon.reason";
    public static final String FIELD = "escmon.field";

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String file;

    public DeadLetterPublisher(Properties clientProps, String topic, String file) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.file = file;
    }

    public void publish(Row.Invalid row) {
        var headers = new RecordHeaders();
        headers.add(REASON, utf8(row.reason()));
        headers.add(FIELD, utf8(row.field()));
        headers.add(FILE, utf8(file));
        headers.add(LINE, utf8(Long.toString(row.line())));
        producer.send(new ProducerRecord<>(topic, null, null, null, utf8(row.raw()), headers));
    }

    public void flush() {
        producer.flush();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
