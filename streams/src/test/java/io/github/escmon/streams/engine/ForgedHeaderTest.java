package io.github.escmon.streams.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Incident;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.streams.window.ScoreParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A producer's stream-time header is a hint for dedupe, never a way to make a duplicate look new. */
class ForgedHeaderTest {

    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private final PartitionScorer scorer = new PartitionScorer(ScoreParameters.defaults(),
            new EventWeights(Codebook.standard(), ScoreParameters.defaults()), o -> outcomes.merge(o, 1, Integer::sum));
    private final MemoryState state = new MemoryState();
    private final List<DyadScore> out = new ArrayList<>();

    private static Incident attack(String id, String cameo) {
        return new Incident(id, Instant.parse("2024-01-16T17:00:00Z"), "IRN", "PAK", cameo, null, 0, 1.0, null, null, null);
    }

    @Test
    void aDuplicateUnderAHeaderFarInTheFutureIsStillADuplicate() {
        scorer.apply(attack("a", "195"), null, state, out::add);
        long forged = Instant.parse("2099-01-01T00:00:00Z").toEpochMilli();
        scorer.apply(attack("a", "042"), forged, state, out::add);
        assertEquals(Map.of(Outcome.ACCEPTED, 1, Outcome.DUPLICATE, 1), outcomes);
        assertEquals(1, out.size(), "the duplicate is not scored");
    }

    @Test
    void anHonestHeaderLessThanATickAheadStillCounts() {
        // the partition has seen up to 17:00; the producer's stream time is 17:59, and an id it saw at 2024-01-02T17:30
        // is more than W (14 days) before 17:59 but not before 17:00: a duplicate only for the partition
        scorer.apply(new Incident("old", Instant.parse("2024-01-02T17:30:00Z"), "IRN", "PAK", "195", null, 0, 1.0, null, null, null),
                null, state, out::add);
        scorer.apply(attack("a", "195"), null, state, out::add);
        long producer = Instant.parse("2024-01-16T17:59:00Z").toEpochMilli();
        scorer.apply(new Incident("old", Instant.parse("2024-01-16T17:00:00Z"), "IRN", "PAK", "195", null, 0, 1.0, null, null, null),
                producer, state, out::add);
        assertEquals(3, outcomes.get(Outcome.ACCEPTED), "the hint makes the old id no duplicate: " + outcomes);
    }
}
