package io.github.escmon.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.streams.errors.DeadLetters;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, test 3, "memory stays bounded": the real {@code escmon run} (a child JVM) with a 128 MB heap is fed the
 * seed story and then 300 records of about 900 KB each, 270 MB in all, twice its heap: 150 invalid ones (an id of
 * 900 KB), which go to the dead-letter topic whole, and 150 valid incidents whose summaries are 900 KB, which are
 * scored with their evidence cut. The monitor stays up and commits everything; nothing is lost; the story's alerts are
 * the reference's.
 */
@WithKafka
@Timeout(300)
class BoundedMemoryIT {

    private static final int BIG = 150;
    private static final String HEAP = "128m";

    @Test
    void aMonitorWithA128MbHeapTakesTwiceItsHeapInHugeRecords(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        IsolatedTopics topics = IsolatedTopics.named("memory");
        kafka.createTopic(topics.incidents(), 1, Map.of("retention.ms", "-1"));
        List<String> story = Golden.lines(Golden.SEED);
        Instant storyEnd = Instant.parse("2024-01-29T08:05:00Z");
        String huge = "x".repeat(900_000);
        EscmonProcess monitor = EscmonProcess.start(dir.resolve("run.log"), HEAP,
                topics.run(kafka.bootstrapServers(), dir.resolve("state"), "exactly_once_v2", "--set", "topics.partitions=1"));
        try {
            monitor.httpAuthority(Duration.ofMinutes(1)); // up, with its topics made
            Properties p = new Properties();
            p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1 << 20));
            long sentBytes = 0;
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                List<Future<?>> acks = new ArrayList<>();
                for (String line : story) {
                    acks.add(producer.send(new ProducerRecord<>(topics.incidents(), key(line), line)));
                }
                for (int i = 0; i < BIG; i++) {
                    Instant at = storyEnd.plus(Duration.ofHours(1 + i)); // after the story: its records stay the reference's
                    String invalid = "{\"id\":\"" + huge + "\",\"occurredAt\":\"" + at + "\",\"source\":\"AAA\",\"target\":\"BBB\",\"cameo\":\"195\"}";
                    String valid = "{\"id\":\"big-" + i + "\",\"occurredAt\":\"" + at + "\",\"source\":\"" + (i % 2 == 0 ? "AAA" : "BBB")
                            + "\",\"target\":\"" + (i % 2 == 0 ? "BBB" : "AAA") + "\",\"cameo\":\"195\",\"summary\":\"" + huge + "\"}";
                    acks.add(producer.send(new ProducerRecord<>(topics.incidents(), "AAA-BBB", invalid)));
                    acks.add(producer.send(new ProducerRecord<>(topics.incidents(), "AAA-BBB", valid)));
                    sentBytes += invalid.length() + valid.length();
                }
                for (Future<?> ack : acks) {
                    ack.get();
                }
            }
            assertTrue(sentBytes > 2 * (128L << 20), sentBytes + " bytes sent: more than twice the heap");
            CommittedInput input = new CommittedInput(kafka.admin(), topics.applicationId(), topics.incidents());
            input.awaitAll(List.of(topics.scores(), topics.alerts()), Duration.ofMinutes(3), monitor::checkAlive);
            monitor.checkAlive();
        } finally {
            monitor.close();
        }

        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (var dlq = new TopicReader<>(client, topics.deadLetter(), new ByteArrayDeserializer())) {
            var dead = dlq.readToEnd(Duration.ofMinutes(1));
            assertEquals(BIG, dead.size(), "every invalid record, once");
            for (var r : dead) {
                assertTrue(r.value().length > 900_000, "dead-lettered whole");
                String reason = new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8);
                assertTrue(reason.startsWith("id:"), reason.substring(0, Math.min(200, reason.length())));
            }
        }
        List<JsonNode> scores = read(client, topics.scores());
        List<JsonNode> big = scores.stream().filter(s -> s.get("dyad").asText().equals("AAA-BBB") && !s.get("eventId").isNull()).toList();
        assertEquals(BIG, big.size(), "every valid huge incident scored");
        for (JsonNode s : big) {
            for (JsonNode e : s.get("evidence")) {
                assertEquals(EventWeights.MAX_SUMMARY + 1, e.get("summary").asText().length(), "evidence cut");
            }
        }
        List<JsonNode> storyAlerts = read(client, topics.alerts()).stream()
                .filter(a -> !Instant.parse(a.get("at").asText()).isAfter(storyEnd)).toList();
        GoldenRecords.assertAlertsMatch(Golden.records("/golden/iran-pakistan-2024.alerts.jsonl"), storyAlerts);
        assertFalse(scores.isEmpty());
    }

    private static String key(String line) {
        JsonNode n = Golden.parse(line);
        String s = n.get("source").asText();
        String t = n.get("target").asText();
        return s.compareTo(t) < 0 ? s + "-" + t : t + "-" + s;
    }

    private static List<JsonNode> read(Properties client, String topic) {
        try (var reader = new TopicReader<>(client, topic, new StringDeserializer())) {
            return reader.readToEnd(Duration.ofMinutes(1)).stream().map(r -> Golden.parse(r.value())).toList();
        }
    }
}
