package io.github.escmon.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Incident;
import io.github.escmon.events.Json;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.engine.Scenario;
import io.github.escmon.streams.errors.DeadLetterHandler;
import io.github.escmon.streams.errors.DeadLetters;
import io.github.escmon.streams.window.WindowHeader;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> incidents;
    private TestOutputTopic<String, String> scores;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "scoring-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TOPICS.deadLetter());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DeadLetterHandler.OUTCOMES_CONFIG, (Outcome.Listener) o -> outcomes.merge(o, 1, Integer::sum));
        var settings = new ScoringSettings(TOPICS, ScoreParameters.defaults(),
                io.github.escmon.events.IncidentValidator.standard(), o -> outcomes.merge(o, 1, Integer::sum));
        driver = new TopologyTestDriver(ScoringTopology.buildTopology(settings, props), props);
        incidents = driver.createInputTopic(TOPICS.incidents(), new StringSerializer(), new ByteArraySerializer());
        scores = driver.createOutputTopic(TOPICS.scores(), new StringDeserializer(), new StringDeserializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void pipe(String json) {
        TimelineRecord r = Scenario.SERDE.parse(json.getBytes(StandardCharsets.UTF_8));
        String key = r instanceof Incident i ? i.key() : null;
        incidents.pipeInput(new TestRecord<>(key, json.getBytes(StandardCharsets.UTF_8), r.time()));
    }

    private List<JsonNode> scoreRecords() {
        return scores.readValuesToList().stream().map(Golden::parse).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/scenarios/iran-pakistan-2024.jsonl, /golden/iran-pakistan-2024.scores.jsonl",
            "/golden/mixed.jsonl,                 /golden/mixed.scores.jsonl",
            "/golden/partitioning.jsonl,          /golden/partitioning.scores.jsonl"})
    void scoresEqualTheReference(String input, String expected) {
        Golden.lines(input).forEach(this::pipe);
        GoldenRecords.assertScoresMatch(Golden.records(expected), scoreRecords());
    }

    @Test
    void scoreRecordsAreKeyedByDyadAndTimestampedWithTheirEvaluationTime() {
        Golden.lines(Golden.SEED).forEach(this::pipe);
        for (TestRecord<String, String> r : scores.readRecordsToList()) {
            JsonNode score = Golden.parse(r.value());
            assertEquals(score.get("dyad").asText(), r.key());
            assertEquals(Instant.parse(score.get("at").asText()), r.getRecordTime());
        }
    }

    @Test
    void badRecordsGoToTheDeadLetterTopicWithTheirReasonAndProcessingGoesOn() {
        incidents.pipeInput("IRN-PAK", "{not json".getBytes(StandardCharsets.UTF_8));
        incidents.pipeInput("IRN-PAK", "{\"id\":\"x\",\"occurredAt\":\"2024-01-01T00:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"999\"}".getBytes(StandardCharsets.UTF_8));
        incidents.pipeInput("WRONG-KEY", "{\"id\":\"y\",\"occurredAt\":\"2024-01-01T00:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\"}".getBytes(StandardCharsets.UTF_8));
        incidents.pipeInput("IRN-PAK", (byte[]) null);
        pipe("{\"id\":\"ok\",\"occurredAt\":\"2024-01-01T01:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\"}");

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        List<String> reasons = new ArrayList<>();
        for (TestRecord<byte[], byte[]> r : dead) {
            Header reason = r.headers().lastHeader(DeadLetters.REASON);
            reasons.add(new String(reason.value(), StandardCharsets.UTF_8));
            assertEquals(TOPICS.incidents(), new String(r.headers().lastHeader(DeadLetters.TOPIC).value(), StandardCharsets.UTF_8));
        }
        assertEquals(4, dead.size(), reasons.toString());
        assertTrue(reasons.get(0).startsWith("record: not valid JSON"), reasons.get(0));
        assertTrue(reasons.get(1).startsWith("cameo: unknown CAMEO code \"999\""), reasons.get(1));
        assertEquals("key: must be the incident's dyad IRN-PAK, got \"WRONG-KEY\"", reasons.get(2));
        assertEquals("record: no value (null)", reasons.get(3));
        assertEquals("{not json", new String(dead.get(0).value(), StandardCharsets.UTF_8), "the raw record is kept");

        List<KeyValue<String, String>> out = scores.readKeyValuesToList();
        assertEquals(1, out.size());
        assertEquals("ok", Golden.parse(out.get(0).value).get("eventId").asText());
        assertEquals(4, outcomes.get(Outcome.INVALID));
        assertEquals(1, outcomes.get(Outcome.ACCEPTED));
    }

    @Test
    void heartbeatsMoveTimeWithoutBeingScored() {
        pipe("{\"id\":\"a\",\"occurredAt\":\"2024-01-01T00:30:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\"}");
        pipe("{\"heartbeat\":\"2024-01-01T03:00:00Z\"}");
        List<JsonNode> out = scoreRecords();
        assertEquals(List.of("event", "tick", "tick", "tick"), out.stream().map(s -> s.get("trigger").asText()).toList());
        assertEquals("2024-01-01T03:00:00Z", out.get(3).get("at").asText());
        assertEquals(Map.of(Outcome.ACCEPTED, 1), outcomes, "a heartbeat is no incident");
    }

    @Test
    void stateThatCanNoLongerMatterIsForgotten() {
        Golden.lines(Golden.SEED).forEach(this::pipe);
        KeyValueStore<String, Long> seen = driver.getKeyValueStore(ScoringTopology.SEEN_STORE);
        long now = driver.<String, Long>getKeyValueStore(ScoringTopology.CLOCK_STORE).get("stream-time");
        long oldestKept = now - java.time.Duration.ofDays(14 + 7).toMillis(); // W, plus a week for a pass of the sweep
        try (var it = seen.all()) {
            it.forEachRemaining(kv -> assertTrue(kv.value > oldestKept, kv.key + " is older than W + 7 days"));
        }
        assertTrue(count(seen) >= 12, "the 12 ids within W of the seed's end are kept");
        pipe("{\"heartbeat\":\"2024-03-01T00:00:00Z\"}");
        KeyValueStore<String, Boolean> ticking = driver.getKeyValueStore(ScoringTopology.TICKING_STORE);
        KeyValueStore<String, WindowHeader> windows = driver.getKeyValueStore(ScoringTopology.WINDOW_STORE);
        assertEquals(0, count(seen), "ids older than W are forgotten");
        assertEquals(0, count(ticking), "calm dyads are not ticked");
        assertEquals(3, count(windows), "one window per dyad (IRN-JAD, IRN-IRQ, IRN-PAK) (a dormant dyad keeps its last evaluation time)");
    }

    /**
     * A store of more seen ids than one tick's slice of the sweep is swept a slice per tick, around and around: ids
     * within W of stream time stay (they still make duplicates), and a pass later every older one is gone.
     */
    @Test
    void aLargeSeenStoreIsSweptASliceAtATime() {
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        int ids = 4 * StoreState.SWEEP_SLICE_MIN;
        for (int i = 0; i < ids; i++) {
            Instant at = t0.plusSeconds(i * 30L); // 33 hours of events
            pipe("{\"id\":\"s" + i + "\",\"occurredAt\":\"" + at + "\",\"source\":\"A" + (i % 50) + "\",\"target\":\"PAK\",\"cameo\":\"042\"}");
        }
        KeyValueStore<String, Long> seen = driver.getKeyValueStore(ScoringTopology.SEEN_STORE);
        assertEquals(ids, count(seen));
        Instant end = t0.plus(java.time.Duration.ofDays(14)).plusSeconds(ids * 15L); // half the ids are past W
        for (Instant t = t0.plusSeconds(ids * 30L); !t.isAfter(end.plusSeconds(3_600 * 6)); t = t.plusSeconds(3_600)) {
            pipe("{\"heartbeat\":\"" + t + "\"}");
        }
        long cutoff = end.plusSeconds(3_600 * 6).minus(java.time.Duration.ofDays(14)).toEpochMilli();
        long pass = (ids / StoreState.SWEEP_SLICE_MIN + 1) * 3_600_000L; // ticks for a pass, in time
        try (var it = seen.all()) {
            it.forEachRemaining(kv -> assertTrue(kv.value > cutoff - pass, kv.key + " is past W by more than a pass"));
        }
        for (int i = 0; i < ids; i++) {
            if (t0.plusSeconds(i * 30L).toEpochMilli() > cutoff) {
                assertTrue(seen.get("s" + i) != null, "s" + i + " is within W and must be kept");
            }
        }
        assertTrue(count(seen) < ids * 0.6, count(seen) + " of " + ids + " kept");
    }

    private static long count(KeyValueStore<?, ?> store) {
        try (var it = store.all()) {
            long n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            return n;
        }
    }

    @Test
    void theScoreRecordSerializesTheContractFields() throws Exception {
        pipe("{\"id\":\"a\",\"occurredAt\":\"2024-01-01T00:30:00Z\",\"source\":\"PAK\",\"target\":\"IRN\",\"cameo\":\"195\",\"summary\":\"s\",\"url\":\"https://example.org/a\"}");
        JsonNode s = scoreRecords().get(0);
        for (String f : List.of("dyad", "a", "b", "at", "trigger", "eventId", "score", "raw", "hostilityAB", "hostilityBA",
                "cooperation", "mutuality", "exchanges", "events", "lastExchange", "evidence")) {
            assertTrue(s.has(f), f + " in " + s);
        }
        DyadScore back = Json.MAPPER.treeToValue(s, DyadScore.class);
        assertEquals("https://example.org/a", back.evidence().get(0).url());
    }
}
