package io.github.escmon.app.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.errors.DeadLetters;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Bad records written straight to the topic by a foreign producer: each ends in the DLQ, the monitor goes on. */
@WithKafka
@Timeout(180)
class DeadLetterIT {

    @Test
    void everyBadRecordLandsInTheDeadLetterTopicWithItsReasonAndSourceOffset(KafkaCluster kafka, @TempDir Path state) throws Exception {
        String run = "dlq-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames t = TopicNames.defaults().withSuffix(run);
        EscmonConfig config = EscmonConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "application.id", "escmon-" + run,
                "state.dir", state.toString(), "topics.partitions", "2",
                "topics.incidents", t.incidents(), "topics.dead-letter", t.deadLetter(),
                "topics.scores", t.scores(), "topics.alerts", t.alerts()));
        byte[] noise = new byte[64];
        new Random(7).nextBytes(noise);
        List<ProducerRecord<byte[], byte[]>> bad = List.of(
                record(t, "IRN-PAK", noise),
                record(t, "IRN-PAK", null),
                record(t, null, "{\"id\":\"k\",\"occurredAt\":\"2024-01-01T00:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\"}".getBytes(StandardCharsets.UTF_8)),
                record(t, "IRN-PAK", "{\"id\":\"f\",\"occurredAt\":\"2024-01-01T00:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\",\"fatalities\":-3}".getBytes(StandardCharsets.UTF_8)),
                record(t, "IRN-PAK", "[1,2,3]".getBytes(StandardCharsets.UTF_8)),
                record(t, "IRN-PAK", "{\"a\":".repeat(200).getBytes(StandardCharsets.UTF_8)));
        ProducerRecord<byte[], byte[]> good = record(t, "IRN-PAK",
                "{\"id\":\"g\",\"occurredAt\":\"2024-01-01T02:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\"}".getBytes(StandardCharsets.UTF_8));
        try (Cluster cluster = Cluster.external(config)) {
            TopicSetup.ensure(cluster.admin(), t, 2, (short) 1);
            try (Monitor monitor = new Monitor(config).start(Duration.ofMinutes(1))) {
                Properties p = new Properties();
                p.put("bootstrap.servers", kafka.bootstrapServers());
                try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                    for (var r : bad) {
                        producer.send(r);
                    }
                    producer.send(good);
                }
                Drain.awaitCommitted(cluster.admin(), monitor.applicationId(), Drain.endOffsets(cluster.admin(), t.incidents()),
                        List.of(t.scores(), t.alerts(), t.deadLetter()), Duration.ofMinutes(1), monitor::checkHealthy);
                assertEquals(bad.size(), monitor.outcomes().get(Outcome.INVALID));
                assertEquals(1, monitor.outcomes().get(Outcome.ACCEPTED));
                assertEquals(KafkaStreams.State.RUNNING, monitor.state(), "bad records do not stop the monitor");
            }
            try (var dlq = new TopicReader<>(cluster.clientProperties(), t.deadLetter(), new ByteArrayDeserializer())) {
                List<ConsumerRecord<String, byte[]>> dead = dlq.readToEnd(Duration.ofSeconds(30));
                assertEquals(bad.size(), dead.size());
                List<String> reasons = dead.stream().map(r -> header(r, DeadLetters.REASON)).sorted().toList();
                assertTrue(reasons.contains("record: no value (null)"), reasons.toString());
                assertTrue(reasons.contains("key: must be the incident's dyad IRN-PAK, got no key"), reasons.toString());
                assertTrue(reasons.contains("fatalities: must be an integer >= 0, got -3"), reasons.toString());
                assertTrue(reasons.contains("record: expected a JSON object, got array"), reasons.toString());
                assertEquals(2, reasons.stream().filter(r -> r.startsWith("record: not valid JSON")).count(), reasons.toString());
                for (var r : dead) {
                    assertEquals(t.incidents(), header(r, DeadLetters.TOPIC));
                    assertTrue(Long.parseLong(header(r, DeadLetters.OFFSET)) >= 0);
                }
            }
        }
    }

    private static ProducerRecord<byte[], byte[]> record(TopicNames t, String key, byte[] value) {
        return new ProducerRecord<>(t.incidents(), 0, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
