package io.github.escmon.producer.publish;

import io.github.escmon.events.Heartbeat;
import io.github.escmon.events.Incident;
import io.github.escmon.events.Json;
import io.github.escmon.events.ProducedAtHeader;
import io.github.escmon.events.StreamTimeHeader;
import io.github.escmon.events.TimelineRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes incidents to the {@code incidents} topic: keyed by dyad, timestamped with their event time, with a
 * heartbeat to every partition whenever event time crosses a tick boundary. Idempotent, acks=all, lz4 batches.
 */
public final class IncidentPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final int partitions;
    private final HeartbeatSchedule heartbeats;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long incidents;
    private long heartbeatRecords;
    private long unchecked;

    public IncidentPublisher(Properties clientProps, String topic, Duration tick) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.partitions = producer.partitionsFor(topic).size();
        this.heartbeats = new HeartbeatSchedule(tick.toMillis());
    }

    /** Sends one record (after the heartbeat it may require). Asynchronous: {@link #flush()} to wait. */
    public void publish(TimelineRecord record) {
        rethrowFailure();
        heartbeats.advance(record.time()).ifPresent(this::heartbeat);
        if (record instanceof Incident incident) {
            var headers = new RecordHeaders();
            headers.add(StreamTimeHeader.NAME, StreamTimeHeader.encode(heartbeats.streamTime()));
            headers.add(ProducedAtHeader.NAME, ProducedAtHeader.encode(System.currentTimeMillis()));
            send(new ProducerRecord<>(topic, null, incident.occurredAt().toEpochMilli(), incident.key(), json(incident), headers));
            incidents++;
        } else {
            heartbeat(record.time().toEpochMilli());
        }
    }

    /**
     * Sends {@code value} as given, unchecked, keyed and timestamped like an incident and stamped with its send
     * time: a record as a faulty producer might write it, for exercising the monitor's dead-letter path (the
     * bench's invalid records). It does not move stream time: heartbeats follow incidents only.
     */
    public void publishUnchecked(String key, Instant time, byte[] value) {
        rethrowFailure();
        var headers = new RecordHeaders();
        headers.add(ProducedAtHeader.NAME, ProducedAtHeader.encode(System.currentTimeMillis()));
        send(new ProducerRecord<>(topic, null, time.toEpochMilli(), key, value, headers));
        unchecked++;
    }

    /** Waits until everything sent so far is acknowledged; throws if anything failed. */
    public void flush() {
        producer.flush();
        rethrowFailure();
    }

    /** When paced, records are sent as they come due instead of lingering in a batch. */
    public void flushIfPaced() {
        producer.flush();
    }

    public long incidents() {
        return incidents;
    }

    /** Records sent through {@link #publishUnchecked}. */
    public long unchecked() {
        return unchecked;
    }

    public long heartbeats() {
        return heartbeatRecords;
    }

    public int partitions() {
        return partitions;
    }

    /** The Kafka producer underneath, for binding its client metrics; not for sending. */
    public Producer<String, byte[]> client() {
        return producer;
    }

    private void heartbeat(long at) {
        byte[] value = json(new Heartbeat(Instant.ofEpochMilli(at)));
        for (int p = 0; p < partitions; p++) {
            var headers = new RecordHeaders();
            headers.add(ProducedAtHeader.NAME, ProducedAtHeader.encode(System.currentTimeMillis()));
            send(new ProducerRecord<>(topic, p, at, null, value, headers));
            heartbeatRecords++;
        }
    }

    private void send(ProducerRecord<String, byte[]> record) {
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private void rethrowFailure() {
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException("publishing to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    private static byte[] json(TimelineRecord record) {
        try {
            return Json.MAPPER.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
