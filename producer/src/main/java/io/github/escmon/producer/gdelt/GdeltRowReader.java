package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;
import java.io.IOException;

/** A GDELT export as rows: {@link GdeltRows} for one GDELT version, under that version's format. */
abstract class GdeltRowReader implements RowReader {

    private final GdeltRows rows;
    private final Format format;

    GdeltRowReader(BufferedReader in, SourceSettings settings, GdeltVersion version) {
        this.rows = new GdeltRows(in, settings, version);
        this.format = version.format();
    }

    @Override
    public final Format format() {
        return format;
    }

    @Override
    public final boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public final Row next() {
        return rows.next();
    }

    @Override
    public final void close() throws IOException {
        rows.close();
    }
}
