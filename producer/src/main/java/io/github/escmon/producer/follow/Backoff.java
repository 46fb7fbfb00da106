package io.github.escmon.producer.follow;

import java.time.Duration;

/**
 * Exponential backoff between attempts at one download: {@code initial}, then doubling, at most {@code max};
 * {@code attempts} in all before the follower reports the file as failed for this poll.
 */
public record Backoff(Duration initial, Duration max, int attempts) {

    /** 5 attempts, waiting 2, 4, 8 and 16 s between them (30 s in all). */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1), 5);

    public Backoff {
        if (attempts < 1 || initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs attempts >= 1 and 0 <= initial <= max");
        }
    }

    /** How long to wait after failed attempt number {@code attempt} (1-based). */
    public Duration after(int attempt) {
        long millis = initial.toMillis();
        for (int i = 1; i < attempt && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
