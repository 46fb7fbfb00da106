package io.github.escmon.app.partitioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Heartbeat;
import io.github.escmon.events.Incident;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.producer.publish.HeartbeatSchedule;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.engine.MemoryState;
import io.github.escmon.streams.engine.PartitionScorer;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.streams.window.ScoreParameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.utils.Utils;

/**
 * The producer's heartbeat rule and the per-partition scorer, wired as the pipeline wires them (Kafka's default
 * partitioner on the dyad key, a heartbeat to every partition before the record that crosses a boundary, the
 * producer's stream time on each incident): every dyad's score records must not depend on the partition count.
 * Generated streams are rough on purpose: out-of-order and too-late events, repeated ids, domestic events,
 * boundary-aligned times. (The real pipeline is held to the reference on real Kafka in BacktestIT.)
 */
class PartitionIndependenceTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] ACTORS = {"IRN", "PAK", "IRQ", "USA", "CHN", "ISR"};
    private static final ScoreParameters P = ScoreParameters.defaults();

    record Step(int minutes, boolean backwards, int source, int target, double goldstein, int repeatOf) {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.of(0, 5, 30, 60, 61, 180, 600, 1440, 7 * 1440, 15 * 1440),
                Arbitraries.of(false, false, false, true),
                Arbitraries.integers().between(0, ACTORS.length - 1),
                Arbitraries.integers().between(0, ACTORS.length - 1),
                Arbitraries.of(-10.0, -8.0, -4.0, -2.0, 0.0, 3.5, 8.0),
                Arbitraries.integers().between(-1, 6)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    private static List<Incident> incidents(List<Step> steps) {
        List<Incident> out = new ArrayList<>();
        Instant clock = T0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (s.repeatOf() >= 0 && s.repeatOf() < out.size()) {
                out.add(out.get(out.size() - 1 - s.repeatOf()));
                continue;
            }
            clock = clock.plusSeconds(60L * s.minutes());
            Instant at = s.backwards() ? clock.minusSeconds(60L * 60 * (1 + i % 40)) : clock;
            out.add(new Incident("e" + i, at, ACTORS[s.source()], ACTORS[s.target()], null, s.goldstein(), 0, 1.0,
                    null, null, null));
        }
        return out;
    }

    /** Every dyad's score records, in order, with {@code partitions} partitions. */
    private static Map<String, List<DyadScore>> run(List<Incident> incidents, int partitions) {
        var scorer = new PartitionScorer(P, new EventWeights(Codebook.standard(), P), Outcome.Listener.NONE);
        List<MemoryState> states = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            states.add(new MemoryState());
        }
        var schedule = new HeartbeatSchedule(P.tick().toMillis());
        Map<String, List<DyadScore>> byDyad = new LinkedHashMap<>();
        for (Incident incident : incidents) {
            var due = schedule.advance(incident.occurredAt());
            if (due.isPresent()) {
                TimelineRecord beat = new Heartbeat(Instant.ofEpochMilli(due.getAsLong()));
                for (MemoryState state : states) {
                    scorer.apply(beat, null, state, s -> byDyad.computeIfAbsent(s.dyad(), k -> new ArrayList<>()).add(s));
                }
            }
            byte[] key = incident.key().getBytes(StandardCharsets.UTF_8);
            MemoryState state = states.get(Utils.toPositive(Utils.murmur2(key)) % partitions);
            scorer.apply(incident, schedule.streamTime(), state,
                    s -> byDyad.computeIfAbsent(s.dyad(), k -> new ArrayList<>()).add(s));
        }
        return byDyad;
    }

    @Property(tries = 400)
    void everyDyadScoresTheSameWhateverThePartitionCount(@ForAll("streams") List<Step> steps,
                                                        @ForAll @IntRange(min = 2, max = 7) int partitions) {
        List<Incident> incidents = incidents(steps);
        Map<String, List<DyadScore>> single = run(incidents, 1);
        Map<String, List<DyadScore>> many = run(incidents, partitions);
        assertEquals(new java.util.TreeSet<>(single.keySet()), new java.util.TreeSet<>(many.keySet()));
        single.forEach((dyad, scores) -> assertEquals(scores, many.get(dyad), dyad));
    }
}
