package io.github.escmon.producer.jsonl;

import io.github.escmon.events.IncidentSerde;
import io.github.escmon.events.InvalidIncidentException;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.LookaheadRows;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads JSON Lines in escmon's native schema (SCORING.md §1), validating each non-blank line. */
public final class JsonLinesRowReader extends LookaheadRows implements RowReader {

    private final BufferedReader reader;
    private final IncidentSerde serde;
    private long lineNumber;

    public JsonLinesRowReader(BufferedReader reader, IncidentSerde serde) {
        this.reader = reader;
        this.serde = serde;
    }

    @Override
    public Format format() {
        return Format.JSONL;
    }



    @Override
    protected Row readNext() {
        try {
            for (String text; (text = reader.readLine()) != null; ) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    return new Row.Valid(lineNumber, serde.parse(text.getBytes(StandardCharsets.UTF_8)));
                } catch (InvalidIncidentException e) {
                    return new Row.Invalid(lineNumber, e.field(), e.getMessage(), text);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
