package io.github.escmon.streams;

import java.time.Instant;

/** What became of one record read from {@code incidents}; every record gets exactly one. */
public enum Outcome {
    /** scored */
    ACCEPTED,
    /** failed to deserialize or validate: on the dead-letter topic with the reason */
    INVALID,
    /** an id seen within W of stream time: counted, not scored */
    DUPLICATE,
    /** source == target: counted, never scored */
    DOMESTIC,
    /** at or before its dyad's last evaluation minus W: counted, not scored */
    LATE;

    /** Where counts go (metrics, a backtest's tally). Called on the stream thread: keep it cheap. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = outcome -> { };

        void count(Outcome outcome);

        /**
         * A record that deserialized and validated as an incident met {@code outcome}; {@code occurredAt} is its
         * event time (for event-time lag). Counts it by default.
         */
        default void incident(Outcome outcome, Instant occurredAt) {
            count(outcome);
        }
    }
}
