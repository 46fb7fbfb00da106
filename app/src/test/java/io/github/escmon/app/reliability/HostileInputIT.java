package io.github.escmon.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.Json;
import io.github.escmon.events.ProducedAtHeader;
import io.github.escmon.events.StreamTimeHeader;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.errors.DeadLetters;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, test 3: 10,000 hostile records from a foreign producer, interleaved with the seed story's 13 incidents.
 * The incidents score exactly as the reference scores them alone (the golden files refscore.py wrote); every bad
 * record is in {@code incidents-dlq} with a reason; duplicates are counted as duplicates; the counts add up; the
 * monitor keeps running.
 */
@WithKafka
@Timeout(300)
class HostileInputIT {

    private static final int HOSTILE = 10_000;
    private static final long SEED = Long.getLong("escmon.hostile.seed", System.nanoTime());

    private record Sent(ProducerRecord<byte[], byte[]> record, String kind, boolean duplicate) {
    }

    @Test
    void tenThousandHostileRecordsLeaveTheStoryUntouched(KafkaCluster kafka, @TempDir Path state) throws Exception {
        String run = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames t = TopicNames.defaults().withSuffix(run);
        EscmonConfig config = EscmonConfig.load(null, Map.of(), Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "application.id", "escmon-" + run,
                "state.dir", state.toString(), "topics.partitions", "1",
                "topics.incidents", t.incidents(), "topics.dead-letter", t.deadLetter(),
                "topics.scores", t.scores(), "topics.alerts", t.alerts()));
        Random random = new Random(SEED);
        List<String> story = Golden.lines(Golden.SEED);
        List<Sent> sent = new ArrayList<>();
        int storyIndex = 0;
        for (int i = 0; i < HOSTILE; i++) {
            // the story's incidents spread evenly through the hostile ones
            while (storyIndex < story.size() && i >= (long) storyIndex * HOSTILE / story.size()) {
                String line = story.get(storyIndex++);
                sent.add(new Sent(record(t, keyOf(line), bytes(line)), "valid", false));
            }
            sent.add(hostile(t, random, story.subList(0, Math.max(1, storyIndex)), i));
        }
        while (storyIndex < story.size()) {
            String line = story.get(storyIndex++);
            sent.add(new Sent(record(t, keyOf(line), bytes(line)), "valid", false));
        }
        long duplicates = sent.stream().filter(Sent::duplicate).count();
        long bad = sent.stream().filter(s -> !s.duplicate() && !s.kind().equals("valid")).count();

        try (Cluster cluster = Cluster.external(config)) {
            TopicSetup.ensure(cluster.admin(), t, 1, (short) 1);
            try (Monitor monitor = new Monitor(config).start(Duration.ofMinutes(1))) {
                Properties p = new Properties();
                p.put("bootstrap.servers", kafka.bootstrapServers());
                p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1 << 20));
                try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                    // idempotent (the default): sent in order without waiting for each
                    List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
                    for (Sent s : sent) {
                        acks.add(producer.send(s.record()));
                    }
                    producer.flush();
                    for (var ack : acks) {
                        ack.get();
                    }
                }
                Drain.awaitCommitted(cluster.admin(), monitor.applicationId(), Drain.endOffsets(cluster.admin(), t.incidents()),
                        List.of(t.scores(), t.alerts(), t.deadLetter()), Duration.ofMinutes(3), monitor::checkHealthy);
                assertEquals(KafkaStreams.State.RUNNING, monitor.state(), "hostile records do not stop the monitor");
                var o = monitor.outcomes();
                Map<Outcome, Long> tally = new java.util.EnumMap<>(Outcome.class);
                for (Outcome k : Outcome.values()) {
                    tally.put(k, o.get(k));
                }
                String counts = "seed " + SEED + ": " + tally;
                assertEquals(story.size(), o.get(Outcome.ACCEPTED), counts);
                assertEquals(duplicates, o.get(Outcome.DUPLICATE), counts);
                assertEquals(bad, o.get(Outcome.INVALID), counts);
                assertEquals(sent.size(), o.get(Outcome.ACCEPTED) + o.get(Outcome.DUPLICATE) + o.get(Outcome.INVALID)
                        + o.get(Outcome.DOMESTIC) + o.get(Outcome.LATE), "the counts add up: " + counts);
                System.out.printf("HostileInputIT (seed %d): %,d records sent (%,d hostile: %,d invalid, %,d duplicates"
                        + " with other content): %s%n", SEED, sent.size(), HOSTILE, bad, duplicates, tally);
            }
            List<JsonNode> scores = read(cluster, t.scores());
            List<JsonNode> alerts = read(cluster, t.alerts());
            GoldenRecords.assertScoresMatch(Golden.records("/golden/iran-pakistan-2024.scores.jsonl"), scores);
            GoldenRecords.assertAlertsMatch(Golden.records("/golden/iran-pakistan-2024.alerts.jsonl"), alerts);

            try (var dlq = new TopicReader<>(cluster.clientProperties(), t.deadLetter(), new ByteArrayDeserializer())) {
                List<ConsumerRecord<String, byte[]>> dead = dlq.readToEnd(Duration.ofMinutes(1));
                assertEquals(bad, dead.size(), "every bad record, once");
                Map<String, Integer> reasons = new TreeMap<>();
                for (var r : dead) {
                    var reason = r.headers().lastHeader(DeadLetters.REASON);
                    assertNotNull(reason, "a reason for offset " + r.offset());
                    String text = new String(reason.value(), StandardCharsets.UTF_8);
                    assertFalse(text.isBlank());
                    assertTrue(text.length() < 1_000, () -> "a reason is one short line: " + text.substring(0, 200));
                    assertFalse(text.contains("\tat ") || text.contains("Exception"), () -> "no internals: " + text);
                    reasons.merge(text.replaceAll("[\"(].*", "").trim(), 1, Integer::sum);
                }
                System.out.println("HostileInputIT reasons: " + reasons);
            }
        }
    }

    private static List<JsonNode> read(Cluster cluster, String topic) {
        try (var reader = new TopicReader<>(cluster.clientProperties(), topic, new StringDeserializer())) {
            return reader.readToEnd(Duration.ofMinutes(1)).stream().map(r -> Golden.parse(r.value())).toList();
        }
    }

    /** One hostile record of a kind chosen at random; {@code told} are the story's lines sent so far. */
    private static Sent hostile(TopicNames t, Random random, List<String> told, int i) {
        String base = told.get(random.nextInt(told.size()));
        String key = keyOf(base);
        Function<Map<String, Object>, byte[]> with = changes -> {
            ObjectNode node = (ObjectNode) Golden.parse(base);
            changes.forEach((field, value) -> {
                if (value == null) {
                    node.remove(field);
                } else {
                    node.set(field, Json.MAPPER.valueToTree(value));
                }
            });
            return bytes(node.toString());
        };
        int kind = random.nextInt(16);
        Sent s = switch (kind) {
            case 0 -> {
                byte[] noise = new byte[1 + random.nextInt(300)];
                random.nextBytes(noise);
                yield new Sent(record(t, key, noise), "random bytes", false);
            }
            case 1 -> new Sent(record(t, key, bytes(base.substring(0, random.nextInt(base.length() - 1)))), "truncated", false);
            case 2 -> new Sent(record(t, key, bytes("[".repeat(5_000) + "]".repeat(5_000))), "deeply nested", false);
            case 3 -> new Sent(record(t, key, with.apply(Map.of(List.of("occurredAt", "source", "cameo", "fatalities", "id")
                    .get(random.nextInt(5)), List.of(1, 2)))), "wrong type", false);
            case 4 -> new Sent(record(t, key, with.apply(nullMap(List.of("occurredAt", "source", "target", "id")
                    .get(random.nextInt(4))))), "missing field", false);
            case 5 -> new Sent(record(t, key, with.apply(Map.of(List.of("id", "source", "target", "cameo", "occurredAt")
                    .get(random.nextInt(5)), ""))), "empty string", false);
            case 6 -> new Sent(record(t, key, with.apply(Map.of("fatalities", List.of(-1, -9_999_999_999L, 2.5)
                    .get(random.nextInt(3))))), "out of range", false);
            case 7 -> new Sent(record(t, key, bytes(base.replaceFirst("\\}$", ",\"goldstein\":" + (random.nextBoolean() ? "NaN" : "-Infinity") + "}"))),
                    "NaN/Infinity", false);
            // a few 900 KB strings (each is copied to the DLQ whole), otherwise 20 KB
            case 8 -> new Sent(record(t, key, with.apply(Map.of("id", "x".repeat(i % 500 == 8 ? 900_000 : 20_000)))),
                    "long string", false);
            case 9 -> new Sent(record(t, key, with.apply(Map.of("cameo", "9" + (10 + random.nextInt(89))))), "unknown CAMEO", false);
            case 10 -> new Sent(record(t, key, with.apply(Map.of("occurredAt", random.nextBoolean()
                    ? "3024-01-01T00:00:00Z" : "1850-06-01T00:00:00Z"))), "far future / before 1970", false);
            case 11 -> new Sent(record(t, null, bytes(base)), "null key", false);
            case 12 -> new Sent(record(t, key, null), "null value", false);
            case 13 -> new Sent(record(t, key, bytes("{}")), "empty object", false);
            case 14 -> new Sent(record(t, key, bytes("\"" + "just a string" + "\"")), "not an object", false);
            default -> { // the latest incident's id and time with other content: a duplicate, skipped (not a bad record)
                String latest = told.get(told.size() - 1);
                ObjectNode node = (ObjectNode) Golden.parse(latest);
                node.put("cameo", "042").put("summary", "forged " + i);
                yield new Sent(record(t, keyOf(latest), bytes(node.toString())), "duplicate", true);
            }
        };
        // garbage headers on every hostile record, some under escmon's own header names
        var headers = s.record().headers();
        byte[] junk = new byte[random.nextInt(64)];
        random.nextBytes(junk);
        headers.add("x-" + random.nextInt(1000), junk);
        if (random.nextBoolean()) {
            headers.add(StreamTimeHeader.NAME, random.nextBoolean() ? junk : bytes(Long.toString(random.nextLong())));
        }
        if (random.nextBoolean()) {
            headers.add(ProducedAtHeader.NAME, random.nextBoolean() ? junk : bytes(Long.toString(random.nextLong())));
        }
        return s;
    }

    private static Map<String, Object> nullMap(String field) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put(field, null);
        return m;
    }

    private static String keyOf(String line) {
        JsonNode n = Golden.parse(line);
        return io.github.escmon.events.Dyad.of(n.get("source").asText(), n.get("target").asText()).key();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ProducerRecord<byte[], byte[]> record(TopicNames t, String key, byte[] value) {
        return new ProducerRecord<>(t.incidents(), 0, key == null ? null : bytes(key), value);
    }
}
