package io.github.escmon.producer.jsonl;

import io.github.escmon.events.IncidentSerde;
import io.github.escmon.events.InvalidIncidentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Reads a JSON Lines file of incidents (SCORING.md §1), validating each non-blank line. */
public final class JsonLinesReader implements Iterator<SourceLine> {

    private final BufferedReader reader;
    private final IncidentSerde serde;
    private long lineNumber;
    private SourceLine next;

    public JsonLinesReader(BufferedReader reader, IncidentSerde serde) {
        this.reader = reader;
        this.serde = serde;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public SourceLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceLine line = next;
        next = null;
        return line;
    }

    private SourceLine readNext() {
        try {
            for (String text; (text = reader.readLine()) != null; ) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    return new SourceLine(lineNumber, serde.parse(text.getBytes(StandardCharsets.UTF_8)), null);
                } catch (InvalidIncidentException e) {
                    return new SourceLine(lineNumber, null, e);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
        }
    }
}
