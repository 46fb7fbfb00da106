package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The window keeps its sums, exchanges and ranking incrementally; after every event and tick it must say what a
 * scan of its events says (the reference's way), through in-order and out-of-order arrivals, same-instant
 * batches, expiry, anchors moving, and a trip through its JSON form (which drops what is derived).
 */
class IncrementalWindowTest {

    private static final long HOUR = 3_600_000L;

    private static void assertSame(DyadScore expected, DyadScore actual, String where) {
        for (double[] pair : new double[][] {
                {expected.score(), actual.score()}, {expected.raw(), actual.raw()},
                {expected.hostilityAB(), actual.hostilityAB()}, {expected.hostilityBA(), actual.hostilityBA()},
                {expected.cooperation(), actual.cooperation()}, {expected.mutuality(), actual.mutuality()}}) {
            assertEquals(pair[0], pair[1], 1e-7 + 1e-9 * Math.abs(pair[0]), where);
        }
        assertEquals(expected.at(), actual.at(), where);
        assertEquals(expected.events(), actual.events(), where);
        assertEquals(expected.exchanges(), actual.exchanges(), where);
        assertEquals(expected.lastExchange(), actual.lastExchange(), where);
        assertEquals(expected.evidence().stream().map(e -> e.id()).toList(),
                actual.evidence().stream().map(e -> e.id()).toList(), where);
    }

    @Property(tries = 300)
    void agreesWithAScanOfItsEvents(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int steps,
                                    @ForAll @IntRange(min = 0, max = 3) int shape) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        ScoreParameters p = shape == 3
                ? new ScoreParameters(Duration.ofHours(5), Duration.ofDays(2), Duration.ofHours(9), -4, 0.5, 0.5, 40, Duration.ofHours(1), 1.0)
                : ScoreParameters.defaults();
        DyadWindow window = new DyadWindow(new Dyad("AAA", "BBB"));
        long clock = 1_700_000_000_000L;
        for (int i = 0; i < steps; i++) {
            String where = "seed " + seed + " step " + i;
            int kind = r.nextInt(10);
            if (kind == 0) {
                clock += r.nextLong(6 * HOUR);
                DyadScore tick = window.onTick(clock, p);
                assertSame(ScanScore.at(window.events(), tick.at().toEpochMilli(), "AAA", "BBB", p), tick, where + " tick");
            } else {
                // mostly forward in 15-minute batches; sometimes the same instant, sometimes out of order
                long at = switch (r.nextInt(shape == 0 ? 4 : 8)) {
                    case 0 -> clock;
                    case 1 -> clock - r.nextLong(48 * HOUR);
                    default -> clock += 15 * 60_000L * r.nextInt(shape == 2 ? 40 : 4);
                };
                boolean hostile = r.nextInt(100) < (shape == 1 ? 60 : 20);
                WindowEvent e = new WindowEvent(Long.toString(r.nextLong(1_000_000)), at, r.nextBoolean(),
                        hostile ? 0.5 + r.nextDouble() * 40 : 0, hostile ? 0 : r.nextDouble() * 5,
                        hostile ? "190" : "042", 0, null, null);
                Optional<DyadScore> s = window.onEvent(e, p);
                if (s.isPresent()) {
                    assertSame(ScanScore.at(window.events(), s.get().at().toEpochMilli(), "AAA", "BBB", p), s.get(), where);
                }
            }
            if (r.nextInt(50) == 0) {
                window = Json.MAPPER.readValue(Json.MAPPER.writeValueAsBytes(window), DyadWindow.class);
            }
        }
    }

    @Property(tries = 20)
    void aHotDyadInSteadyStateAgreesToo(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ScoreParameters p = ScoreParameters.defaults();
        DyadWindow window = new DyadWindow(new Dyad("AAA", "BBB"));
        long t = 1_700_000_000_000L;
        long step = p.window().toMillis() / 3_000;
        for (int i = 0; i < 9_000; i++) {
            t += step;
            boolean hostile = r.nextInt(100) < 15;
            DyadScore s = window.onEvent(new WindowEvent("e" + i, t, r.nextBoolean(), hostile ? 1 + r.nextDouble() * 20 : 0,
                    hostile ? 0 : r.nextDouble() * 4, "x", 0, null, null), p).orElseThrow();
            if (i % 997 == 0) {
                assertSame(ScanScore.at(window.events(), t, "AAA", "BBB", p), s, "seed " + seed + " event " + i);
            }
        }
    }
}
