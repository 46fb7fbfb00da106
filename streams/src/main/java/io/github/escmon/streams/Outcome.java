package io.github.escmon.streams;

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
    }
}
