package io.github.escmon.producer.source;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** An iterator over rows that reads one ahead: subclasses say how to read the next row (null at the end). */
public abstract class LookaheadRows implements Iterator<Row> {

    private Row next;

    /** The next row, or null when the input is exhausted. */
    protected abstract Row readNext();

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public final Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }
}
