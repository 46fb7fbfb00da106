package io.github.escmon.app.output;

import java.util.function.LongConsumer;

/**
 * What a run over a file reports as it goes: the rows read so far ({@link #accept}), then, once the file is
 * published, how many of its records the monitor has committed: a long file spends most of its time there.
 */
@FunctionalInterface
public interface RunProgress extends LongConsumer {

    /** {@code done} of the input topic's {@code total} records are committed by the monitor. */
    default void committed(long done, long total) {
    }
}
