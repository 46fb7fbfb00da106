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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Opens a source file as rows, in its detected (or given) format. */
public final class Sources {

    private Sources() {
    }

    /**
     * @param format the format, or null to detect it
     * @return rows whose {@link RowReader#bytesRead()} counts the file's bytes (compressed, as on disk)
     */
    public static RowReader open(Path file, Format format, SourceSettings settings) throws IOException {
        Format f = format != null ? format : FormatDetector.detect(file);
        AtomicLong bytes = new AtomicLong();
        var raw = new CountingInputStream(Files.newInputStream(file), bytes);
        var in = new BufferedReader(new InputStreamReader(
                Inputs.decompress(file.getFileName().toString(), raw), StandardCharsets.UTF_8), 1 << 16);
        return new Counted(open(in, f, settings), bytes);
    }

    public static RowReader open(BufferedReader in, Format format, SourceSettings settings) {
        return switch (format) {
            case JSONL -> new JsonLinesRowReader(in, new IncidentSerde(settings.validator()));
            case GDELT2 -> new Gdelt2RowReader(in, settings);
            case GDELT1 -> new Gdelt1RowReader(in, settings);
            case ACLED -> new AcledRowReader(in, settings);
        };
    }

    /** A reader that knows how many bytes of its file it has consumed. */
    private static final class Counted extends ForwardingRowReader {

        private final AtomicLong bytes;

        Counted(RowReader rows, AtomicLong bytes) {
            super(rows);
            this.bytes = bytes;
        }

        @Override
        public long bytesRead() {
            return bytes.get();
        }
    }
}
