package io.github.escmon.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.Dyad;
import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentSerde;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.InvalidIncidentException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WorkloadGeneratorTest {

    private static final double HOSTILE = -4.0;
    private static final Codebook CODEBOOK = Codebook.standard();

    private static WorkloadGenerator generator(WorkloadSpec spec) {
        return new WorkloadGenerator(spec, CODEBOOK, HOSTILE);
    }

    private static List<WorkloadRecord> all(WorkloadSpec spec) {
        List<WorkloadRecord> records = new ArrayList<>();
        generator(spec).forEachRemaining(records::add);
        return records;
    }

    private static String text(WorkloadSpec spec) throws Exception {
        StringWriter out = new StringWriter();
        WorkloadFile.write(generator(spec), out);
        return out.toString();
    }

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws Exception {
        String first = text(WorkloadSpec.standard(42, 20_000));
        assertEquals(first, text(WorkloadSpec.standard(42, 20_000)));
        assertNotEquals(first, text(WorkloadSpec.standard(43, 20_000)));
        assertEquals(20_000, first.lines().count());
        assertTrue(text(WorkloadSpec.standard(42, 30_000)).startsWith(first), "a longer run of one seed extends a shorter one");
    }

    @Test
    void duplicateAndInvalidRatesAndTheHostileShareAreWithinTolerance() {
        List<WorkloadRecord> records = all(WorkloadSpec.standard(7, 200_000));
        long invalid = records.stream().filter(r -> r instanceof WorkloadRecord.Invalid).count();
        List<Incident> fresh = records.stream().filter(r -> r instanceof WorkloadRecord.Valid v && !v.duplicate())
                .map(r -> ((WorkloadRecord.Valid) r).incident()).toList();
        long duplicates = records.size() - invalid - fresh.size();
        assertEquals(0.005, invalid / 200_000.0, 0.001, "invalid share");
        assertEquals(0.01, duplicates / 200_000.0, 0.0015, "duplicate share");
        long hostile = fresh.stream().filter(i -> CODEBOOK.goldstein(i.cameo()).getAsDouble() <= HOSTILE).count();
        assertEquals(0.15, hostile / (double) fresh.size(), 0.005, "hostile share of new incidents");
        assertTrue(fresh.stream().filter(i -> CODEBOOK.goldstein(i.cameo()).getAsDouble() > HOSTILE)
                .allMatch(i -> i.fatalities() == 0), "only hostile events kill");
        long deadly = fresh.stream().filter(i -> i.fatalities() > 0).count();
        assertEquals(0.12, deadly / (double) hostile, 0.01, "about one hostile event in eight has fatalities");
        assertTrue(fresh.stream().allMatch(i -> i.fatalities() <= 100));
    }

    @Test
    void theCameoMixLeansOnConsultationsAndStatementsAndUsesGdeltStyleCodes() {
        Map<String, Long> byRoot = all(WorkloadSpec.standard(11, 100_000)).stream()
                .filter(r -> r instanceof WorkloadRecord.Valid)
                .map(r -> ((WorkloadRecord.Valid) r).incident().cameo())
                .peek(code -> assertTrue(code.matches("[0-9]{3,4}"), code))
                .collect(Collectors.groupingBy(code -> code.substring(0, 2), Collectors.counting()));
        String commonest = byRoot.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals("04", commonest, byRoot.toString());
        assertTrue(byRoot.get("19") > byRoot.get("20") * 10, "fights far outnumber mass violence: " + byRoot);
        assertEquals(20, byRoot.size(), "every root code occurs: " + byRoot);
    }

    @Test
    void everyValidRecordPassesTheMonitorsValidationUnchanged() {
        IncidentSerde serde = new IncidentSerde(IncidentValidator.standard());
        for (WorkloadRecord r : all(WorkloadSpec.standard(3, 20_000))) {
            if (r instanceof WorkloadRecord.Valid v) {
                assertEquals(v.incident(), serde.parse(r.line().getBytes(StandardCharsets.UTF_8)), r.line());
                assertEquals(v.incident().dyad().key(), r.key());
            }
        }
    }

    @Test
    void everyInvalidRecordFailsValidationForItsFlawAndEveryFlawOccurs() {
        IncidentSerde serde = new IncidentSerde(IncidentValidator.standard());
        Map<WorkloadRecord.Flaw, Integer> seen = new EnumMap<>(WorkloadRecord.Flaw.class);
        for (WorkloadRecord r : all(WorkloadSpec.standard(5, 100_000))) {
            if (r instanceof WorkloadRecord.Invalid bad) {
                var e = assertThrows(InvalidIncidentException.class, () -> serde.parse(bad.line().getBytes(StandardCharsets.UTF_8)), bad.line());
                String expected = switch (bad.flaw()) {
                    case UNKNOWN_CAMEO -> "cameo: unknown CAMEO code";
                    case MISSING_FIELD -> "required";
                    case MALFORMED_JSON -> "record: not valid JSON";
                };
                assertTrue(e.getMessage().contains(expected), bad.flaw() + ": " + e.getMessage());
                Dyad.parse(bad.key());
                seen.merge(bad.flaw(), 1, Integer::sum);
            }
        }
        assertEquals(WorkloadRecord.Flaw.values().length, seen.size(), seen.toString());
        seen.values().forEach(n -> assertTrue(n > 100, seen.toString()));
    }

    @Test
    void aDuplicateReEmitsARecentIncidentOfTheSameDyadInTheCurrentBatch() {
        Map<String, Incident> byId = new HashMap<>();
        Map<String, Long> position = new HashMap<>();
        long i = 0;
        int duplicates = 0;
        for (WorkloadRecord r : all(WorkloadSpec.standard(9, 50_000))) {
            if (r instanceof WorkloadRecord.Valid v) {
                Incident in = v.incident();
                if (v.duplicate()) {
                    Incident original = byId.get(in.id());
                    assertTrue(original != null, "a duplicate repeats an id already emitted: " + in.id());
                    assertEquals(original.key(), in.key());
                    assertEquals(original.cameo(), in.cameo());
                    assertTrue(i - position.get(in.id()) <= 2 * WorkloadGenerator.RECENT, "re-emitted from a recent batch");
                    duplicates++;
                } else {
                    assertFalse(byId.containsKey(in.id()), "a new incident has a new id");
                    byId.put(in.id(), in);
                    position.put(in.id(), i);
                }
            }
            i++;
        }
        assertTrue(duplicates > 300, "duplicates: " + duplicates);
    }

    @Test
    void aFewDyadsAreVeryHotAsZipfSays() {
        WorkloadGenerator g = generator(WorkloadSpec.standard(13, 200_000));
        Map<String, Long> perDyad = new HashMap<>();
        g.forEachRemaining(r -> perDyad.merge(r.key(), 1L, Long::sum));
        List<Dyad> ranked = g.dyads();
        assertEquals(5_000, ranked.size());
        assertEquals(5_000, ranked.stream().distinct().count());
        long actors = ranked.stream().flatMap(d -> java.util.stream.Stream.of(d.a(), d.b())).distinct()
                .peek(code -> assertTrue(code.matches("[A-Z]{3}"), code)).count();
        assertEquals(150, actors);
        double top = perDyad.get(ranked.get(0).key()) / 200_000.0;
        assertEquals(g.expectedShare(0), top, 0.01, "the hottest dyad's share");
        assertTrue(top > 0.1, "the hottest dyad alone takes over a tenth: " + top);
        long topFifty = ranked.subList(0, 50).stream().mapToLong(d -> perDyad.getOrDefault(d.key(), 0L)).sum();
        assertTrue(topFifty > 100_000, "the hottest 1 % of dyads take over half the events: " + topFifty);
        long cold = ranked.subList(2_500, 5_000).stream().filter(d -> perDyad.containsKey(d.key())).count();
        assertTrue(cold > 1_000, "the long tail is drawn too: " + cold);
    }

    @Test
    void eventsComeInConsecutiveFifteenMinuteBatchesSharingOneTime() {
        WorkloadSpec spec = WorkloadSpec.standard(1, 1_050).withEventsPerBatch(100);
        Map<Instant, Integer> batches = new LinkedHashMap<>();
        all(spec).forEach(r -> batches.merge(r.at(), 1, Integer::sum));
        List<Instant> times = new ArrayList<>(batches.keySet());
        assertEquals(11, times.size());
        assertEquals(Instant.parse("2023-01-01T00:00:00Z"), times.get(0));
        for (int b = 1; b < times.size(); b++) {
            assertEquals(Duration.ofMinutes(15), Duration.between(times.get(b - 1), times.get(b)));
        }
        assertTrue(batches.values().stream().limit(10).allMatch(n -> n == 100), batches.toString());
        assertEquals(50, batches.get(times.get(10)));
        for (WorkloadRecord r : all(spec)) {
            if (r instanceof WorkloadRecord.Valid v) {
                assertEquals(r.at(), v.incident().occurredAt(), "a duplicate takes its batch's time too");
            }
        }
    }

    @Test
    void thirtyMillionEventsSpanAboutAYear() {
        Duration span = WorkloadSpec.standard(1, 30_000_000).span();
        assertTrue(span.toDays() >= 364 && span.toDays() <= 366, span.toString());
    }

    @Test
    void aSpecThatCannotBeGeneratedIsRefusedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new WorkloadSpec(1, 10, 10, 3, 5, 1.1, WorkloadSpec.START, 0.15, 0.01, 0.005));
        assertEquals("dyads must be 1-3 for 3 actors, got 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkloadSpec.standard(1, 10).withEventsPerBatch(0));
    }
}
