package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.window.WindowLog.StoredEvent;
import io.github.escmon.streams.window.WindowLog.StoredResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The window keeps its sums, exchanges and ranking incrementally; after every event and tick it must say what a
 * scan of its events says (the reference's way), through in-order and out-of-order arrivals, same-instant
 * batches, expiry, and trips through its stored form (header and log through the codec); and its log must hold
 * exactly the window's events and its responses.
 */
class IncrementalWindowTest {

    private MemoryLog log;

    private DyadWindow newWindow() {
        log = new MemoryLog();
        return new DyadWindow(new Dyad("AAA", "BBB"), log);
    }

    /** The window as the stores would give it back: its header and every record of its log through the codec. */
    private DyadWindow throughTheCodec(DyadWindow window) {
        MemoryLog copy = new MemoryLog();
        try (var it = log.events()) {
            it.forEachRemaining(e -> copy.put(WindowCodec.event(WindowCodec.event(e))));
        }
        try (var it = log.responses()) {
            it.forEachRemaining(r -> copy.put(WindowCodec.response(WindowCodec.response(r))));
        }
        log = copy;
        return DyadWindow.restore(WindowCodec.header(WindowCodec.header(window.header())), copy);
    }

    private void assertLogHoldsTheWindow(DyadWindow window, DyadScore s, String where) {
        assertEquals(window.size(), log.eventCount(), where + ": events in the log");
        assertEquals(s.exchanges(), log.responseCount(), where + ": responses in the log");
    }

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

    /**
     * The events a window must hold at {@code t}, from the test's own list of what it accepted (not from the
     * window's log): those after t − W, in event order, equal events in the order they came.
     */
    private static List<WindowEvent> expectedAt(List<WindowEvent> accepted, long t, ScoreParameters p) {
        List<WindowEvent> in = new ArrayList<>(accepted.stream().filter(e -> e.at() > t - p.window().toMillis()).toList());
        in.sort(WindowEvent.ORDER); // stable: equal events stay in arrival order
        return in;
    }

    /**
     * Shapes: 0 in order, 1 mostly hostile, 2 sparse, 3 other settings, 4 a handful of ids (equal time and id often),
     * 5 restored untrusted (as under at-least-once) and so rebuilt from the log at random points.
     */
    @Property(tries = 300)
    void agreesWithAScanOfItsEvents(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int steps,
                                    @ForAll @IntRange(min = 0, max = 5) int shape) {
        SplittableRandom r = new SplittableRandom(seed);
        ScoreParameters p = shape == 3
                ? new ScoreParameters(Duration.ofHours(5), Duration.ofDays(2), Duration.ofHours(9), -4, 0.5, 0.5, 40, Duration.ofHours(1), 1.0)
                : ScoreParameters.defaults();
        DyadWindow window = newWindow();
        List<WindowEvent> accepted = new ArrayList<>();
        long clock = 1_700_000_000_000L;
        for (int i = 0; i < steps; i++) {
            String where = "seed " + seed + " shape " + shape + " step " + i;
            int kind = r.nextInt(10);
            if (kind == 0) {
                clock += r.nextLong(6 * HOUR);
                DyadScore tick = window.onTick(clock, p);
                long t = tick.at().toEpochMilli();
                assertSame(ScanScore.at(expectedAt(accepted, t, p), t, "AAA", "BBB", p), tick, where + " tick");
                assertEquals(expectedAt(accepted, t, p), window.events(), where + " tick: the log");
                assertLogHoldsTheWindow(window, tick, where + " tick");
            } else {
                // mostly forward in 15-minute batches; sometimes the same instant, sometimes out of order
                long at = switch (r.nextInt(shape == 0 ? 4 : 8)) {
                    case 0 -> clock;
                    case 1 -> clock - r.nextLong(48 * HOUR);
                    default -> clock += 15 * 60_000L * r.nextInt(shape == 2 ? 40 : 4);
                };
                boolean hostile = r.nextInt(100) < (shape == 1 ? 60 : 20);
                String id = shape == 4 ? Integer.toString(r.nextInt(3)) : Long.toString(r.nextLong(1_000_000));
                WindowEvent e = new WindowEvent(id, at, r.nextBoolean(),
                        hostile ? 0.5 + r.nextDouble() * 40 : 0, hostile ? 0 : r.nextDouble() * 5,
                        hostile ? "190" : "042", 0, null, null);
                Optional<DyadScore> s = window.onEvent(e, p);
                if (s.isPresent()) {
                    accepted.add(e);
                    long t = s.get().at().toEpochMilli();
                    assertSame(ScanScore.at(expectedAt(accepted, t, p), t, "AAA", "BBB", p), s.get(), where);
                    assertEquals(expectedAt(accepted, t, p), window.events(), where + ": the log");
                    assertLogHoldsTheWindow(window, s.get(), where);
                }
            }
            if (r.nextInt(50) == 0) {
                window = throughTheCodec(window);
            }
            if (shape == 5 && r.nextInt(10) == 0) {
                window = DyadWindow.restore(window.header(), log, false);
            }
        }
    }

    /**
     * Under at-least-once a crash can leave a window's events ahead of its header (the header reached its changelog at
     * the last commit, the events at once): restored untrusted, the window is rebuilt from its log, which is the
     * truth, and numbers new events past those already in it.
     */
    @Property(tries = 100)
    void aHeaderBehindItsLogIsRebuiltFromTheLog(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ScoreParameters p = ScoreParameters.defaults();
        DyadWindow window = newWindow();
        List<WindowEvent> accepted = new ArrayList<>();
        long clock = 1_700_000_000_000L;
        WindowHeader stale = null;
        for (int i = 0; i < 300; i++) {
            clock += 15 * 60_000L * r.nextInt(8);
            boolean hostile = r.nextInt(100) < 30;
            WindowEvent e = new WindowEvent("e" + i, clock - (r.nextInt(10) == 0 ? r.nextLong(24 * HOUR) : 0), r.nextBoolean(),
                    hostile ? 0.5 + r.nextDouble() * 40 : 0, hostile ? 0 : r.nextDouble() * 5, "190", 0, null, null);
            if (window.onEvent(e, p).isPresent()) {
                accepted.add(e);
            }
            if (i == 150) {
                stale = window.header(); // the last commit
            }
        }
        window = DyadWindow.restore(stale, log, false);
        for (int i = 0; i < 50; i++) {
            clock += 15 * 60_000L * r.nextInt(8);
            // half of them at the instant of an event the stale header does not know, which has the number the header
            // would give next: a reused number would overwrite it
            long at = i % 2 == 0 && 151 + i < accepted.size() ? accepted.get(151 + i).at() : clock;
            WindowEvent e = new WindowEvent("n" + i, at, r.nextBoolean(), r.nextBoolean() ? 12 : 0, 1, "190", 0, null, null);
            DyadScore s = window.onEvent(e, p).orElseThrow();
            accepted.add(e);
            long t = s.at().toEpochMilli();
            assertSame(ScanScore.at(expectedAt(accepted, t, p), t, "AAA", "BBB", p), s, "seed " + seed + " after " + i);
            assertEquals(expectedAt(accepted, t, p), window.events(), "seed " + seed + " after " + i + ": the log");
            assertLogHoldsTheWindow(window, s, "seed " + seed + " after " + i);
        }
    }

    /** A window computed under other settings is rebuilt from its log under the new ones. */
    @Test
    void newSettingsRebuildTheWindowFromItsLog() {
        ScoreParameters before = ScoreParameters.defaults();
        ScoreParameters after = new ScoreParameters(Duration.ofHours(48), Duration.ofDays(10), Duration.ofHours(24),
                -4, 0.5, 0.5, 40, Duration.ofHours(1), 1.0);
        DyadWindow window = newWindow();
        List<WindowEvent> accepted = new ArrayList<>();
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 200; i++) {
            t += 2 * HOUR;
            WindowEvent e = new WindowEvent("e" + i, t, i % 3 != 0, i % 2 == 0 ? 8 + i % 5 : 0, 1.5, "190", 0, null, null);
            window.onEvent(e, before).orElseThrow();
            accepted.add(e);
        }
        window = throughTheCodec(window);
        DyadScore s = window.onTick(t + HOUR, after);
        assertSame(ScanScore.at(expectedAt(accepted, t + HOUR, after), t + HOUR, "AAA", "BBB", after), s, "under the new settings");
        assertLogHoldsTheWindow(window, s, "under the new settings");
    }

    @Property(tries = 20)
    void aHotDyadInSteadyStateAgreesToo(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ScoreParameters p = ScoreParameters.defaults();
        DyadWindow window = newWindow();
        long t = 1_700_000_000_000L;
        long step = p.window().toMillis() / 3_000;
        for (int i = 0; i < 9_000; i++) {
            t += step;
            boolean hostile = r.nextInt(100) < 15;
            DyadScore s = window.onEvent(new WindowEvent("e" + i, t, r.nextBoolean(), hostile ? 1 + r.nextDouble() * 20 : 0,
                    hostile ? 0 : r.nextDouble() * 4, "x", 0, null, null), p).orElseThrow();
            if (i % 997 == 0) {
                assertSame(ScanScore.at(window.events(), t, "AAA", "BBB", p), s, "seed " + seed + " event " + i);
                assertLogHoldsTheWindow(window, s, "seed " + seed + " event " + i);
            }
        }
    }

    private static WindowEvent hostile(String id, long at, boolean forward, double h) {
        return new WindowEvent(id, at, forward, h, 0, "190", 0, null, null);
    }

    @Test
    void whenTheHeaviestExpireTheEvidenceIsFoundAgainInTheLog() {
        ScoreParameters p = ScoreParameters.defaults();
        DyadWindow window = newWindow();
        long t0 = 1_700_000_000_000L;
        for (int i = 0; i < 8; i++) {
            window.onEvent(hostile("heavy" + i, t0 + i * HOUR, i % 2 == 0, 40), p); // outweigh all that follow
        }
        long t = t0 + 8 * HOUR;
        for (int i = 0; i < 40; i++) {
            t += 6 * HOUR;
            window.onEvent(hostile("light" + i, t, i % 2 == 1, 0.5 + i * 0.01), p);
        }
        for (long end = t + p.window().toMillis(); t < end; t += 2 * HOUR) {
            DyadScore s = window.onTick(t, p);
            assertSame(ScanScore.at(window.events(), t, "AAA", "BBB", p), s, "tick at +" + (t - t0) / HOUR + " h");
        }
    }

    @Test
    void whenTheLatestResponseGoesTheOneBeforeItIsTheLatest() {
        ScoreParameters p = ScoreParameters.defaults();
        DyadWindow window = newWindow();
        long tau = 1_700_000_000_000L;
        window.onEvent(hostile("p1", tau - 70 * HOUR, false, 5), p);  // b→a
        window.onEvent(hostile("q", tau - 10 * HOUR, true, 5), p);    // a→b, answers p1
        window.onEvent(hostile("z", tau, true, 6), p);                // a→b, answers p1: the latest response
        DyadScore both = window.onEvent(hostile("a", tau, false, 7), p).orElseThrow(); // b→a, answers q
        assertEquals("z", both.lastExchange().response());
        assertEquals(3, both.exchanges());
        long t = tau - 70 * HOUR + p.window().toMillis() + HOUR; // p1 has left: only "a" answering q is left
        DyadScore s = window.onTick(t, p);
        assertSame(ScanScore.at(window.events(), t, "AAA", "BBB", p), s, "after p1 left");
        assertEquals(1, s.exchanges());
        assertEquals("a", s.lastExchange().response());
        assertEquals("q", s.lastExchange().provocation());
        assertLogHoldsTheWindow(window, s, "after p1 left");
    }

    /** A log that counts the records read from it. */
    private static final class CountingLog implements WindowLog {
        final MemoryLog log = new MemoryLog();
        long read;

        private <T> Cursor<T> counted(Cursor<T> c) {
            return Cursor.of(c, t -> {
                read++;
                return t;
            }, c::close);
        }

        public Cursor<StoredEvent> events(long from) {
            return counted(log.events(from));
        }

        public StoredEvent event(long at, long arrival) {
            read++;
            return log.event(at, arrival);
        }

        public Cursor<StoredResponse> responses(long from) {
            return counted(log.responses(from));
        }

        public void put(StoredEvent event) {
            log.put(event);
        }

        public void deleteEvent(long at, long arrival) {
            log.deleteEvent(at, arrival);
        }

        public void put(StoredResponse response) {
            log.put(response);
        }

        public void deleteResponse(long provocationAt, long arrival) {
            log.deleteResponse(provocationAt, arrival);
        }
    }

    /**
     * The window reads from its log only what expires (and the record after it), whatever the window holds: a hot
     * dyad of 20,000 events in steady state, a quarter of them hostile, one in and one out per event.
     */
    @Test
    void aHotDyadReadsFromItsLogOnlyWhatExpires() {
        ScoreParameters p = ScoreParameters.defaults();
        CountingLog log = new CountingLog();
        DyadWindow window = new DyadWindow(new Dyad("AAA", "BBB"), log);
        SplittableRandom r = new SplittableRandom(7);
        long t = 1_700_000_000_000L;
        long step = p.window().toMillis() / 20_000;
        for (int i = 0; i < 20_000; i++) {
            boolean hostile = r.nextInt(4) == 0;
            window.onEvent(new WindowEvent("w" + i, t += step, r.nextBoolean(), hostile ? 1 + r.nextDouble() * 20 : 0,
                    hostile ? 0 : r.nextDouble(), "190", 0, null, null), p);
        }
        long before = log.read;
        for (int i = 0; i < 20_000; i++) {
            boolean hostile = r.nextInt(4) == 0;
            window.onEvent(new WindowEvent("s" + i, t += step, r.nextBoolean(), hostile ? 1 + r.nextDouble() * 20 : 0,
                    hostile ? 0 : r.nextDouble(), "190", 0, null, null), p);
        }
        double perEvent = (log.read - before) / 20_000.0;
        assertEquals(20_000, window.size(), 1);
        assertTrue(perEvent < 5, perEvent + " records read per event");
    }
}
