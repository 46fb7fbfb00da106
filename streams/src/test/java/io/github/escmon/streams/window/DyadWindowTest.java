package io.github.escmon.streams.window;

import static io.github.escmon.streams.Events.T0;
import static io.github.escmon.streams.Events.h;
import static io.github.escmon.streams.Events.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Incident;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Expected values are SCORING.md §2–3 worked by hand: G(195) = -10, G(057) = +8 in GDELT's table. */
class DyadWindowTest {

    private static final double EPS = 1e-9;
    private final ScoreParameters p = ScoreParameters.defaults();
    private final EventWeights weights = new EventWeights(Codebook.standard(), p);
    private final DyadWindow window = new DyadWindow(new Dyad("IRN", "PAK"));

    private DyadScore add(Incident i) {
        return window.onEvent(weights.toWindowEvent(i), p).orElseThrow();
    }

    private static double s(double r) {
        return 10 * (1 - Math.exp(-r / 40));
    }

    @Test
    void oneSidedStrikeScoresItsHostilityWithNoMutuality() {
        DyadScore s = add(incident("x", h(0), "PAK", "IRN", "195"));
        assertEquals(0, s.hostilityAB(), EPS);
        assertEquals(10, s.hostilityBA(), EPS);
        assertEquals(0, s.mutuality(), EPS);
        assertEquals(10, s.raw(), EPS);
        assertEquals(s(10), s.score(), EPS);
        assertEquals(1, s.events());
        assertEquals(T0, s.at());
        assertEquals("event", s.trigger());
    }

    @Test
    void hostilityHalvesEveryHalfLife() {
        add(incident("x", h(0), "IRN", "PAK", "195"));
        DyadScore later = window.onTick(T0.plus(h(72)).toEpochMilli(), p);
        assertEquals(5, later.hostilityAB(), EPS);
        assertEquals(s(5), later.score(), EPS);
        assertEquals("tick", later.trigger());
    }

    @Test
    void fatalitiesWeighLogarithmicallyAndConfidenceScales() {
        DyadScore s = add(incident("x", h(0), "IRN", "PAK", "195", 9, 0.5));
        assertEquals(10 * (1 + 0.5 * Math.log(10)) * 0.5, s.hostilityAB(), EPS);
    }

    @Test
    void matchedHostilityDoublesRawThroughMutuality() {
        add(incident("x", h(0), "IRN", "PAK", "195"));
        DyadScore s = add(incident("y", h(0), "PAK", "IRN", "195"));
        assertEquals(1.0, s.mutuality(), EPS);
        assertEquals(40, s.raw(), EPS);
    }

    @Test
    void cooperationOffsetsHostilityButRawNeverGoesNegative() {
        add(incident("x", h(0), "IRN", "PAK", "195"));
        DyadScore s = add(incident("y", h(0), "PAK", "IRN", "057"));
        assertEquals(8, s.cooperation(), EPS);
        assertEquals(10 - 0.5 * 8, s.raw(), EPS);
        add(incident("z", h(0), "PAK", "IRN", "057"));
        DyadScore more = add(incident("w", h(0), "IRN", "PAK", "057"));
        assertEquals(0, more.raw(), EPS, "10 - 0.5 * 24 < 0");
        assertEquals(0, more.score(), EPS);
    }

    @Test
    void criticismCarriesNoWeightButCounts() {
        DyadScore s = add(incident("x", h(0), "IRN", "PAK", "111"));
        assertEquals(0, s.raw(), EPS);
        assertEquals(1, s.events());
    }

    @Test
    void goldsteinExactlyMinusFourIsHostile() {
        DyadScore s = add(incident("x", h(0), "IRN", "PAK", "161"));
        assertEquals(4, s.hostilityAB(), EPS);
    }

    @Test
    void anEventAtOrBeforeLastEvaluationMinusWindowIsLateAndChangesNothing() {
        add(incident("x", Duration.ofDays(15), "IRN", "PAK", "195"));
        assertTrue(window.onEvent(weights.toWindowEvent(incident("old", Duration.ofDays(1), "IRN", "PAK", "195")), p).isEmpty());
        assertEquals(1, window.size());
        assertTrue(window.onEvent(weights.toWindowEvent(incident("ok", Duration.ofDays(1).plusMillis(1), "IRN", "PAK", "195")), p).isPresent());
    }

    @Test
    void anOutOfOrderEventIsEvaluatedAtTheLastEvaluationTime() {
        add(incident("x", h(10), "IRN", "PAK", "195"));
        DyadScore s = add(incident("y", h(4), "PAK", "IRN", "195"));
        assertEquals(T0.plus(h(10)), s.at());
        assertEquals(10 * Math.pow(2, -6.0 / 72), s.hostilityBA(), EPS);
    }

    @Test
    void eventsLeaveTheWindowAfterFourteenDays() {
        add(incident("x", h(0), "IRN", "PAK", "195"));
        DyadScore s = window.onTick(T0.plus(Duration.ofDays(14)).toEpochMilli(), p);
        assertEquals(0, s.events());
        assertEquals(0, s.score(), EPS);
        assertEquals(0, window.size());
    }

    @Test
    void aDyadNeedsTicksAfterAnEventAndWhileItsScoreIsAtLeastOne() {
        add(incident("x", h(0), "IRN", "PAK", "111"));
        assertTrue(window.needsTick(), "after an event");
        window.onTick(T0.plus(h(1)).toEpochMilli(), p);
        assertFalse(window.needsTick(), "score 0 < 1");
        add(incident("y", h(2), "IRN", "PAK", "195"));
        window.onTick(T0.plus(h(3)).toEpochMilli(), p);
        assertTrue(window.needsTick(), "score " + window.lastScore() + " >= 1");
    }

    @Test
    void evidenceListsTheHeaviestHostileEventsFirst() {
        add(incident("light", h(0), "IRN", "PAK", "161"));
        add(incident("heavy", h(0), "PAK", "IRN", "195", 20, 1.0));
        DyadScore s = add(incident("mid", h(0), "IRN", "PAK", "195"));
        assertEquals("heavy", s.evidence().get(0).id());
        assertEquals("PAK", s.evidence().get(0).source());
        assertEquals("mid", s.evidence().get(1).id());
        assertEquals("light", s.evidence().get(2).id());
    }
}
