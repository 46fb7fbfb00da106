package io.github.escmon.app.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Where a replay starts and stops in each partition of the input topic.
 *
 * @param from       the first time whose score and alert records are written
 * @param to         the last event time read (null: to the end of the topic as it was when the replay began)
 * @param leadInFrom where reading starts: {@code from} − W − one tick − {@code --lead-in}, so that every event that
 *                   can weigh on a score at {@code from} is in its window again
 * @param start      partition → first offset read (the first at or after {@code leadInFrom})
 * @param end        partition → first offset not read (the first after {@code to}, or the end)
 */
public record ReplayPlan(Instant from, Instant to, Instant leadInFrom, Map<Integer, Long> start, Map<Integer, Long> end) {

    public static Instant leadInFrom(Instant from, Duration window, Duration tick, Duration extraLeadIn) {
        return from.minus(window).minus(tick).minus(extraLeadIn);
    }

    /** Records to read in all partitions. */
    public long total() {
        return start.entrySet().stream().mapToLong(e -> Math.max(0, end.get(e.getKey()) - e.getValue())).sum();
    }
}
