package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;

/**
 * Reads a GDELT 2.0 events export ({@code YYYYMMDDHHMMSS.export.CSV}): tab-separated, no header, 61 columns.
 * Each row is an incident dated by DATEADDED, with Actor1 as source and Actor2 as target (see
 * {@link GdeltActor}), the EventCode as CAMEO code, GDELT's GoldsteinScale, and confidence min(1, NumSources/3).
 */
public final class Gdelt2RowReader extends GdeltRowReader {

    public Gdelt2RowReader(BufferedReader in, SourceSettings settings) {
        super(in, settings, GdeltVersion.V2);
    }
}
