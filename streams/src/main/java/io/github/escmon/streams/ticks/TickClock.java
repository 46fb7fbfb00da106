package io.github.escmon.streams.ticks;

import java.util.stream.LongStream;

/**
 * Tick boundaries of stream time (SCORING.md §4): multiples of the tick length since the epoch. Before a record
 * at {@code next} is applied, every boundary b with {@code previous < b <= next} is visited in order.
 */
public final class TickClock {

    private final long tickMillis;

    public TickClock(long tickMillis) {
        if (tickMillis <= 0) {
            throw new IllegalArgumentException("tick must be positive: " + tickMillis);
        }
        this.tickMillis = tickMillis;
    }

    public LongStream boundariesBetween(long previous, long next) {
        long first = (Math.floorDiv(previous, tickMillis) + 1) * tickMillis;
        if (first > next) {
            return LongStream.empty();
        }
        return LongStream.iterate(first, b -> b <= next, b -> b + tickMillis);
    }

    public long tickMillis() {
        return tickMillis;
    }
}
