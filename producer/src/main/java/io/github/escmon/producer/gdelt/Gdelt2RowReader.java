package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads a GDELT 2.0 events export ({@code YYYYMMDDHHMMSS.export.CSV}): tab-separated, no header, 61 columns.
 * Each row is an incident dated by DATEADDED, with Actor1 as source and Actor2 as target (see
 * {@link GdeltActor}), the EventCode as CAMEO code, GDELT's GoldsteinScale, and confidence min(1, NumSources/3).
 */
public final class Gdelt2RowReader implements RowReader {

    private final GdeltRows rows;

    public Gdelt2RowReader(BufferedReader in, SourceSettings settings) {
        this.rows = new GdeltRows(in, settings, GdeltVersion.V2);
    }

    @Override
    public Format format() {
        return Format.GDELT2;
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
