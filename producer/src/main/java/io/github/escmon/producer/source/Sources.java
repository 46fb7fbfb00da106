package io.github.escmon.producer.source;

import io.github.escmon.events.IncidentSerde;
import io.github.escmon.producer.acled.AcledRowReader;
import io.github.escmon.producer.gdelt.Gdelt1RowReader;
import io.github.escmon.producer.gdelt.Gdelt2RowReader;
import io.github.escmon.producer.jsonl.JsonLinesRowReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Opens a source file as rows, in its detected (or given) format. */
public final class Sources {

    private Sources() {
    }

    /**
     * @param format the format, or null to detect it
     */
    public static RowReader open(Path file, Format format, SourceSettings settings) throws IOException {
        Format f = format != null ? format : FormatDetector.detect(file);
        BufferedReader in = new BufferedReader(new InputStreamReader(Inputs.open(file), StandardCharsets.UTF_8), 1 << 16);
        return open(in, f, settings);
    }

    public static RowReader open(BufferedReader in, Format format, SourceSettings settings) {
        return switch (format) {
            case JSONL -> new JsonLinesRowReader(in, new IncidentSerde(settings.validator()));
            case GDELT2 -> new Gdelt2RowReader(in, settings);
            case GDELT1 -> new Gdelt1RowReader(in, settings);
            case ACLED -> new AcledRowReader(in, settings);
        };
    }
}
