package io.github.escmon.streams.window;

import java.time.Duration;

/**
 * Every number of SCORING.md §2–4, each a setting ({@code score.*}).
 *
 * @param halfLife            T: an event's weight halves every T of event time
 * @param window              W: how long a dyad remembers an event (and how long an id stays a duplicate)
 * @param exchangeLag         L: the longest gap between a provocation and its response
 * @param hostileMaxGoldstein events with G at or below it are hostile
 * @param fatalityWeight      α in h = −G·(1 + α·ln(1 + fatalities))·confidence
 * @param cooperationWeight   λ: how much cooperation offsets hostility in R
 * @param scale               R₀ in S = 10·(1 − e^(−R/R₀))
 * @param tick                the step of stream time at which dyads are re-evaluated
 * @param tickFloor           a dyad keeps being ticked while its score is at or above this
 */
public record ScoreParameters(
        Duration halfLife,
        Duration window,
        Duration exchangeLag,
        double hostileMaxGoldstein,
        double fatalityWeight,
        double cooperationWeight,
        double scale,
        Duration tick,
        double tickFloor) {

    public ScoreParameters {
        requirePositive(halfLife, "score.half-life");
        requirePositive(window, "score.window");
        requirePositive(exchangeLag, "score.exchange-lag");
        requirePositive(tick, "score.tick");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("score.scale must be > 0, got " + scale);
        }
    }

    public static ScoreParameters defaults() {
        return new ScoreParameters(Duration.ofHours(72), Duration.ofDays(14), Duration.ofHours(72),
                -4.0, 0.5, 0.5, 40.0, Duration.ofHours(1), 1.0);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
