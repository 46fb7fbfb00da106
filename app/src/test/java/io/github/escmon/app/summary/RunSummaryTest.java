package io.github.escmon.app.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Json;
import io.github.escmon.testkit.golden.Golden;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary of the seed story, from the reference's records (SCORING.md §6). */
class RunSummaryTest {

    private static <T> List<T> load(String resource, Class<T> type) {
        return Golden.records(resource).stream().map(n -> Json.MAPPER.convertValue(n, type)).toList();
    }

    @Test
    void summarisesEachEpisodeOfTheSeedStory() {
        RunSummary s = RunSummary.of(load("/golden/iran-pakistan-2024.alerts.jsonl", Alert.class),
                load("/golden/iran-pakistan-2024.scores.jsonl", DyadScore.class));
        assertEquals(List.of("IRN-JAD", "IRN-IRQ", "IRN-PAK"), s.episodes().stream().map(DyadEpisode::dyad).toList());
        DyadEpisode pak = s.episodes().get(2);
        assertEquals(Instant.parse("2024-01-16T17:00:00Z"), pak.firstFiring());
        assertEquals("CRITICAL", pak.peakLevel());
        assertEquals(7.6939, pak.peakScore(), 1e-4, "SCORING.md's score record at the strike back");
        assertEquals(Instant.parse("2024-01-18T01:00:00Z"), pak.peakAt());
        assertEquals(Instant.parse("2024-01-26T09:00:00Z"), pak.resolved());
        assertEquals(2, pak.exchanges(), "the strike back record holds 2 exchanges");
        assertEquals(Instant.parse("2023-12-20T00:00:00Z"), s.episodes().get(0).resolved());
    }
}
