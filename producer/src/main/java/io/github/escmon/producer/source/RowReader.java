package io.github.escmon.producer.source;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Reads a source file row by row. Never throws for a bad row (that is a {@link Row.Invalid}); throws
 * {@link java.io.UncheckedIOException} only when the file itself cannot be read.
 */
public interface RowReader extends Iterator<Row>, Closeable {

    /** The format this reader reads, for reports. */
    Format format();

    /**
     * Actor codes this reader made up, code → the name it stands for (ACLED names its actors; escmon derives
     * codes from the names and lists them in the backtest summary). Empty for formats that carry codes.
     */
    default java.util.Map<String, String> derivedActorCodes() {
        return java.util.Map.of();
    }

    /** Bytes of the (compressed) input consumed so far, for progress; -1 when unknown. */
    default long bytesRead() {
        return -1;
    }
}
