package io.github.escmon.app.monitor;

import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.Outcome;

/**
 * What the running monitor tells whoever watches it (metrics): the outcome of every input record, every score
 * record and every alert it writes. Called on the stream thread, so implementations must be cheap and must not
 * throw.
 */
public interface MonitorObserver extends Outcome.Listener {

    MonitorObserver NONE = new MonitorObserver() {
        @Override
        public void count(Outcome outcome) {
        }

        @Override
        public void score(DyadScore score, int partition) {
        }

        @Override
        public void alert(Alert alert, Long producedAt) {
        }
    };

    /** A score record written to the scores topic; {@code partition} is the input partition that caused it. */
    void score(DyadScore score, int partition);

    /**
     * An alert written to the alerts topic; {@code producedAt} is when the producer sent the incident or heartbeat
     * that caused it (epoch millis), null when that record did not say.
     */
    void alert(Alert alert, Long producedAt);
}
