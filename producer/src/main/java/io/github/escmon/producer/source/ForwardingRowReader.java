package io.github.escmon.producer.source;

import java.io.IOException;
import java.util.Map;

/** A reader that hands everything to another; decorators override only what they add. */
public abstract class ForwardingRowReader implements RowReader {

    private final RowReader rows;

    protected ForwardingRowReader(RowReader rows) {
        this.rows = rows;
    }

    @Override
    public Format format() {
        return rows.format();
    }

    @Override
    public Map<String, String> derivedActorCodes() {
        return rows.derivedActorCodes();
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Row next() {
        return rows.next();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
