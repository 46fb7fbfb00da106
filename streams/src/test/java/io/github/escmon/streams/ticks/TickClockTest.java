package io.github.escmon.streams.ticks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TickClockTest {

    private static final long H = 3_600_000L;
    private final TickClock clock = new TickClock(H);

    @Test
    void visitsEveryBoundaryAfterThePreviousTimeUpToAndIncludingTheNext() {
        assertArrayEquals(new long[] {11 * H, 12 * H, 13 * H}, clock.boundariesBetween(10 * H + H / 2, 13 * H).toArray());
    }

    @Test
    void aBoundaryAlreadyReachedIsNotVisitedAgain() {
        assertArrayEquals(new long[] {}, clock.boundariesBetween(11 * H, 11 * H).toArray());
        assertArrayEquals(new long[] {12 * H}, clock.boundariesBetween(11 * H, 12 * H).toArray());
    }

    @Test
    void timeGoingBackwardsVisitsNothing() {
        assertArrayEquals(new long[] {}, clock.boundariesBetween(20 * H, 3 * H).toArray());
    }
}
