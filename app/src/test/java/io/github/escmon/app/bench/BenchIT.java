package io.github.escmon.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.EscmonRun;
import io.github.escmon.events.Codebook;
import io.github.escmon.events.Json;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code escmon bench} end to end on a tiny workload against the test broker: every phase runs and reports, the
 * JSON holds what the table shows, and the monitor accounts for every record published. Speed is never asserted.
 */
@WithKafka
@Timeout(900)
class BenchIT {

    private static final int EVENTS = 20_000;
    private static final List<String> PHASES = List.of("producer", "ceiling", "monitor-eos", "monitor-alos");
    private static final Pattern ROW = Pattern.compile(
            "^(producer \\(IncidentPublisher\\)|ceiling: pass-through, exactly_once_v2|monitor, exactly_once_v2|monitor, at_least_once)"
                    + "\\s+([0-9,]+)\\s+([0-9,]+-[0-9,]+)\\s+([0-9.]+)\\s", Pattern.MULTILINE);

    private static EscmonRun escmon(String... args) {
        return EscmonRun.of(args);
    }

    @Test
    void everyPhaseRunsAndTheMonitorAccountsForEveryRecordPublished(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path json = dir.resolve("bench.json");
        EscmonRun r = escmon("bench", "--bootstrap-servers", kafka.bootstrapServers(), "--events", Integer.toString(EVENTS),
                "--seed", "5", "--repeat", "1", "--no-warmup", "--partitions", "2",
                "--latency-seconds", "5", "--latency-rate", "500", "--json", json.toString());
        assertEquals(0, r.code(), r.out());

        Matcher rows = ROW.matcher(r.out());
        List<String> seen = new ArrayList<>();
        while (rows.find()) {
            seen.add(rows.group(1));
            assertTrue(Double.parseDouble(rows.group(4)) > 0, "a positive ratio to the ceiling: " + rows.group());
            assertTrue(Double.parseDouble(rows.group(2).replace(",", "")) > 0, rows.group());
        }
        assertEquals(List.of("producer (IncidentPublisher)", "ceiling: pass-through, exactly_once_v2",
                "monitor, exactly_once_v2", "monitor, at_least_once"), seen, r.out());
        assertTrue(r.out().contains("alert latency at 500 events/s for 5 s (2,500 published): "), r.out());

        JsonNode result = Json.MAPPER.readTree(json.toFile());
        assertEquals(EVENTS, result.path("workload").path("events").asLong());
        assertEquals(5, result.path("workload").path("seed").asLong());
        assertEquals(1, result.path("repeat").asInt());
        assertFalse(result.path("warmup").asBoolean());
        assertFalse(result.path("stopped").asBoolean());
        JsonNode phases = result.path("phases");
        assertEquals(PHASES, names(phases));
        for (JsonNode phase : phases) {
            String name = phase.path("name").asText();
            assertTrue(phase.path("error").isNull(), name + ": " + phase.path("error"));
            assertEquals(1, phase.path("throughput").path("runs").size(), name);
            assertTrue(phase.path("throughput").path("median").asDouble() > 0, name);
            assertTrue(phase.path("ratioToCeiling").asDouble() > 0, name);
            assertTrue(phase.path("peakHeapBytes").asLong() > 0, name);
            assertTrue(phase.has("peakRssBytes") && phase.has("stateBytesPerMillionEvents"), name);
        }
        assertEquals(1.0, phases.get(1).path("ratioToCeiling").asDouble(), 1e-9);
        assertTrue(phases.get(2).path("stateBytes").asLong() > 0, "the monitor leaves state on disk");

        Expected expected = Expected.of(5, EVENTS);
        JsonNode produced = phases.get(0).path("outcomes");
        assertEquals(EVENTS, produced.path("incidents").asLong() + produced.path("invalid").asLong());
        assertEquals(expected.invalid(), produced.path("invalid").asLong());
        assertEquals(expected.invalid(), phases.get(1).path("outcomes").path("invalid").asLong(), "the ceiling dead-letters them too");
        for (JsonNode monitor : List.of(phases.get(2), phases.get(3))) {
            JsonNode o = monitor.path("outcomes");
            long sum = o.path("accepted").asLong() + o.path("invalid").asLong() + o.path("duplicate").asLong()
                    + o.path("domestic").asLong() + o.path("late").asLong();
            assertEquals(EVENTS, sum, "outcomes add up to the records published: " + o);
            assertEquals(expected.invalid(), o.path("invalid").asLong(), o.toString());
            assertEquals(expected.duplicates(), o.path("duplicate").asLong(), o.toString());
            assertEquals(0, o.path("domestic").asLong() + o.path("late").asLong(), o.toString());
        }

        // what each run wrote: the pass-through one record per valid input and no state, the monitor a score record
        // per accepted event (and more per tick) and a changelog record per event it keeps; under exactly-once the
        // offsets counted include transaction markers, so these are lower bounds
        assertTrue(r.out().contains("written to Kafka per input event"), r.out());
        Map<String, Long> ceiling = written(phases.get(1));
        assertEquals(java.util.Set.of("scores", "dead letters", "alerts"), ceiling.keySet(), "the pass-through keeps no state: " + ceiling);
        assertTrue(ceiling.get("scores") >= EVENTS - expected.invalid(), ceiling.toString());
        assertTrue(ceiling.get("dead letters") >= expected.invalid(), ceiling.toString());
        for (JsonNode monitor : List.of(phases.get(2), phases.get(3))) {
            Map<String, Long> w = written(monitor);
            long accepted = monitor.path("outcomes").path("accepted").asLong();
            assertTrue(w.get("scores") >= accepted, w.toString());
            assertTrue(w.get("dyad-window-events") >= accepted, w.toString());
            assertTrue(w.containsKey("dyad-windows") && w.get("alerts") > 0, w.toString());
        }

        JsonNode latency = result.path("latency");
        assertTrue(latency.path("error").isNull(), latency.toString());
        assertEquals(2_500, latency.path("published").asLong());
        assertEquals(0, latency.path("backlog").asLong());
        assertTrue(latency.path("alerts").asLong() > 0, "the steady load raises alerts: " + latency);
        assertTrue(latency.path("p50Millis").asLong() <= latency.path("p99Millis").asLong()
                && latency.path("p99Millis").asLong() <= latency.path("maxMillis").asLong(), latency.toString());

        List<String> left = kafka.admin().listTopics().names().get().stream().filter(t -> t.contains("bench-")).toList();
        assertEquals(List.of(), left, "the bench deletes its topics from a shared cluster");
    }

    /** Records written per topic ({@link Written}) by a phase's last run. */
    private static Map<String, Long> written(JsonNode phase) {
        Map<String, Long> out = new java.util.HashMap<>();
        phase.path("written").forEach(w -> out.put(w.path("topic").asText(), w.path("records").asLong()));
        return out;
    }

    private static List<String> names(JsonNode phases) {
        List<String> names = new ArrayList<>();
        phases.forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    /** What the generator put in: the monitor must find exactly these. */
    private record Expected(long invalid, long duplicates) {
        static Expected of(long seed, long events) {
            var g = new WorkloadGenerator(WorkloadSpec.standard(seed, events), Codebook.standard(), -4.0);
            long invalid = 0;
            long duplicates = 0;
            while (g.hasNext()) {
                WorkloadRecord rec = g.next();
                if (rec instanceof WorkloadRecord.Invalid) {
                    invalid++;
                } else if (((WorkloadRecord.Valid) rec).duplicate()) {
                    duplicates++;
                }
            }
            return new Expected(invalid, duplicates);
        }
    }
}
