package io.github.escmon.app.output;

import io.github.escmon.events.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes records as JSON Lines, one compact object per line, fields in declaration order. */
public final class JsonLinesWriter {

    private JsonLinesWriter() {
    }

    public static void write(Path file, Iterable<?> records) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object r : records) {
                out.write(Json.MAPPER.writeValueAsString(r));
                out.write('\n');
            }
        }
    }
}
