package io.github.escmon.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.engine.Scenario;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.streams.window.WindowCodec;
import io.github.escmon.streams.window.WindowHeader;
import io.github.escmon.streams.window.WindowLog.StoredEvent;
import io.github.escmon.streams.window.WindowLog.StoredResponse;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Windows as the stores keep them: a header per dyad and one record per event. With no window kept as an object,
 * every event reads its window back from the stores, and the scores are still the reference's.
 */
class StoredWindowsTest {

    private static final TopicNames TOPICS = TopicNames.defaults();

    private static TopologyTestDriver driver(int recentWindows) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "stored-windows-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        var settings = new ScoringSettings(TOPICS, ScoreParameters.defaults(), IncidentValidator.standard(),
                Outcome.Listener.NONE);
        StreamsBuilder builder = new StreamsBuilder();
        ScoringTopology.addTo(builder, settings, recentWindows);
        return new TopologyTestDriver(builder.build(props), props);
    }

    private static List<String> run(TopologyTestDriver driver, List<String> lines) {
        var in = driver.createInputTopic(TOPICS.incidents(), new StringSerializer(), new ByteArraySerializer());
        for (String json : lines) {
            TimelineRecord r = Scenario.SERDE.parse(json.getBytes(StandardCharsets.UTF_8));
            in.pipeInput(new TestRecord<>(r instanceof Incident i ? i.key() : null, json.getBytes(StandardCharsets.UTF_8), r.time()));
        }
        return driver.createOutputTopic(TOPICS.scores(), new StringDeserializer(), new StringDeserializer()).readValuesToList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/scenarios/iran-pakistan-2024.jsonl, /golden/iran-pakistan-2024.scores.jsonl",
            "/golden/mixed.jsonl,                 /golden/mixed.scores.jsonl",
            "/golden/partitioning.jsonl,          /golden/partitioning.scores.jsonl"})
    void windowsReadBackFromTheStoresScoreAsTheReference(String input, String expected) {
        try (TopologyTestDriver driver = driver(0)) {
            List<String> out = run(driver, Golden.lines(input));
            GoldenRecords.assertScoresMatch(Golden.records(expected), out.stream().map(Golden::parse).toList());
        }
    }

    @Test
    void theStoresHoldEachDyadsHeaderAndTheEventsOfItsWindow() {
        try (TopologyTestDriver driver = driver(0)) {
            List<String> seed = Golden.lines(Golden.SEED);
            run(driver, seed.subList(0, 9)); // to PAK's strike of 2024-01-19T12:00
            KeyValueStore<String, WindowHeader> headers = driver.getKeyValueStore(ScoringTopology.WINDOW_STORE);
            KeyValueStore<Bytes, byte[]> events = driver.getKeyValueStore(ScoringTopology.WINDOW_EVENTS_STORE);
            assertEquals("2024-01-19T12:00:00Z", Instant.ofEpochMilli(headers.get("IRN-PAK").lastEval()).toString());
            List<String> ids = new ArrayList<>();
            try (var it = events.prefixScan(WindowEventKeys.eventPrefix("IRN-PAK"), new BytesSerializer())) {
                it.forEachRemaining(kv -> ids.add(WindowCodec.event(kv.value).event().id()));
            }
            // the seed's IRN-PAK events up to the cut, oldest first (none has expired by then)
            List<String> expected = new ArrayList<>();
            for (String line : seed.subList(0, 9)) {
                var i = (Incident) Scenario.SERDE.parse(line.getBytes(StandardCharsets.UTF_8));
                if (i.key().equals("IRN-PAK")) {
                    expected.add(i.id());
                }
            }
            assertEquals(expected, ids);
            StoredEvent first = WindowCodec.event(events.get(WindowEventKeys.eventKey("IRN-PAK",
                    Instant.parse("2024-01-16T17:00:00Z").toEpochMilli(), 0)));
            assertEquals(0, first.arrival());
            // PAK's strike answered IRN's: one response, keyed by the time of its provocation
            List<StoredResponse> responses = new ArrayList<>();
            try (var it = events.prefixScan(WindowEventKeys.responsePrefix("IRN-PAK"), new BytesSerializer())) {
                it.forEachRemaining(kv -> responses.add(WindowCodec.response(kv.value)));
            }
            assertEquals(headers.get("IRN-PAK").responses(), responses.size());
            assertTrue(responses.size() >= 1, "PAK's strike is a response");
            assertEquals(expected.get(0), first.event().id());
        }
    }
}
