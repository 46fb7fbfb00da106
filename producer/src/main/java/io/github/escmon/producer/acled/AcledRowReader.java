package io.github.escmon.producer.acled;

import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;
import java.io.IOException;

/** Placeholder until the reader is written. */
public final class AcledRowReader implements RowReader {

    private final BufferedReader in;

    public AcledRowReader(BufferedReader in, SourceSettings settings) {
        this.in = in;
        throw new UnsupportedOperationException("AcledRowReader is not written yet");
    }

    @Override
    public Format format() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasNext() {
        return false;
    }

    @Override
    public Row next() {
        throw new java.util.NoSuchElementException();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
