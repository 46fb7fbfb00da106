package io.github.escmon.alerts.levels;

import java.time.Duration;

/**
 * The alert rule's numbers (SCORING.md §5), each a setting ({@code alert.*}).
 *
 * @param hysteresis how far below a threshold the score must fall before its level may end
 * @param hold       how long (event time) every tick must allow a lower level before the level steps down
 */
public record AlertParameters(double watch, double warning, double critical, double hysteresis, Duration hold) {

    public AlertParameters {
        if (!(watch <= warning && warning <= critical)) {
            throw new IllegalArgumentException("alert thresholds must rise: watch " + watch + " <= warning " + warning
                    + " <= critical " + critical);
        }
        if (hysteresis < 0 || hold == null || hold.isNegative()) {
            throw new IllegalArgumentException("alert.hysteresis and alert.hold must not be negative");
        }
    }

    public static AlertParameters defaults() {
        return new AlertParameters(3.0, 5.0, 7.0, 1.0, Duration.ofHours(24));
    }

    public double threshold(AlertLevel level) {
        return switch (level) {
            case NONE -> Double.NEGATIVE_INFINITY;
            case WATCH -> watch;
            case WARNING -> warning;
            case CRITICAL -> critical;
        };
    }

    /** The highest level whose threshold, lowered by {@code slack}, the score reaches. */
    public AlertLevel levelFor(double score, double slack) {
        AlertLevel best = AlertLevel.NONE;
        for (AlertLevel level : AlertLevel.values()) {
            if (score >= threshold(level) - slack) {
                best = level;
            }
        }
        return best;
    }
}
