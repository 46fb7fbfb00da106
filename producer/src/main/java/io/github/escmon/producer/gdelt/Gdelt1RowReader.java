package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;

/**
 * Reads a GDELT 1.0 events export: the daily files ({@code YYYYMMDD.export.CSV}, 58 tab-separated columns) and
 * the historical backfile (57, without SOURCEURL), no header; also re-exports that are comma-separated and
 * quoted, with {@code NULL} for empty fields, with or without a header row. Mapped as GDELT 2.0 rows are, but
 * dated by SQLDATE at 00:00Z (or by DATEADDED where it carries a time of day). EventCodes that lost their
 * leading zeros ({@code 40} for {@code 040}) get them back from EventRootCode, in every layout.
 */
public final class Gdelt1RowReader extends GdeltRowReader {

    public Gdelt1RowReader(BufferedReader in, SourceSettings settings) {
        super(in, settings, GdeltVersion.V1);
    }
}
