package io.github.escmon.alerts.levels;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One dyad's alert state machine (SCORING.md §5): raise at once; step down only on ticks, and only once every
 * tick for {@code hold} of event time has allowed the lower level; otherwise reset the calm period.
 *
 * @param level     the current level
 * @param since     start of the open episode (first FIRING), null when none is open
 * @param calmSince event time from which every tick has allowed a lower level, null when not calming
 */
public record DyadAlertState(AlertLevel level, Instant since, Instant calmSince) {

    public static final DyadAlertState NONE = new DyadAlertState(AlertLevel.NONE, null, null);

    /** The state after a score record, and the alert it emits (if any). */
    public record Step(DyadAlertState next, Optional<Alert> alert) {
    }

    public Step onScore(DyadScore score, AlertParameters p) {
        AlertLevel up = p.levelFor(score.score(), 0.0);
        AlertLevel keep = p.levelFor(score.score(), p.hysteresis());
        if (up.compareTo(level) > 0) {
            return transition(up, score, p);
        }
        if (keep.compareTo(level) < 0) {
            if (!score.isTick()) {
                return new Step(this, Optional.empty());
            }
            Instant calm = calmSince == null ? score.at() : calmSince;
            if (Duration.between(calm, score.at()).compareTo(p.hold()) < 0) {
                return new Step(new DyadAlertState(level, since, calm), Optional.empty());
            }
            return transition(keep, score, p);
        }
        return new Step(new DyadAlertState(level, since, null), Optional.empty());
    }

    @JsonIgnore
    public boolean isOpen() {
        return level != AlertLevel.NONE;
    }

    private Step transition(AlertLevel to, DyadScore score, AlertParameters p) {
        Instant episode = level == AlertLevel.NONE ? score.at() : since;
        boolean resolved = to == AlertLevel.NONE;
        var alert = new Alert(score.dyad() + "/" + episode, score.dyad(),
                resolved ? Alert.RESOLVED : Alert.FIRING,
                (resolved ? level : to).name(), level.name(), score.score(), score.at(), episode,
                score.exchanges() > 0, AlertSummary.of(level, to, score, p), score.lastExchange(),
                score.evidence());
        DyadAlertState next = resolved ? NONE : new DyadAlertState(to, episode, null);
        return new Step(next, Optional.of(alert));
    }
}
