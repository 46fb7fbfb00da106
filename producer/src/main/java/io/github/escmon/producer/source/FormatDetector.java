package io.github.escmon.producer.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a file's format from its name as publishers name them, else from its first line: a JSON object, a
 * tab-separated GDELT row (61 columns: 2.0; 57 or 58: 1.0), or an ACLED header.
 */
public final class FormatDetector {

    private static final Pattern GDELT2_NAME = Pattern.compile("\\d{14}\\.export\\.csv", Pattern.CASE_INSENSITIVE);
    private static final Pattern GDELT1_NAME = Pattern.compile("\\d{8}\\.export\\.csv", Pattern.CASE_INSENSITIVE);

    private FormatDetector() {
    }

    public static Format detect(Path file) throws IOException {
        Optional<Format> byName = byName(file.getFileName().toString());
        if (byName.isPresent()) {
            return byName.get();
        }
        try (var in = new BufferedReader(new InputStreamReader(Inputs.open(file), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    return byFirstLine(line).orElseThrow(() -> new IOException(file
                            + ": cannot tell its format from its name or first line; give --format jsonl|gdelt2|gdelt1|acled"));
                }
            }
        }
        throw new IOException(file + ": the file is empty");
    }

    static Optional<Format> byName(String fileName) {
        String base = Inputs.baseName(fileName);
        String lower = base.toLowerCase(Locale.ROOT);
        if (GDELT2_NAME.matcher(base).matches()) {
            return Optional.of(Format.GDELT2);
        }
        if (GDELT1_NAME.matcher(base).matches()) {
            return Optional.of(Format.GDELT1);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Optional.of(Format.JSONL);
        }
        return Optional.empty();
    }

    static Optional<Format> byFirstLine(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("{")) {
            return Optional.of(Format.JSONL);
        }
        if (trimmed.toLowerCase(Locale.ROOT).contains("event_id_cnty")) {
            return Optional.of(Format.ACLED);
        }
        // count on the line as it is: trailing empty GDELT columns are tabs that strip() would eat
        int columns = line.replace("\r", "").split("\t", -1).length;
        if (columns == 61) {
            return Optional.of(Format.GDELT2);
        }
        if (columns == 57 || columns == 58) {
            return Optional.of(Format.GDELT1);
        }
        // GDELT 1.0 as some archives re-publish it: comma-separated, quoted, with or without a header
        if (columns == 1 && (trimmed.contains("GLOBALEVENTID") || csvFields(trimmed) == 57 || csvFields(trimmed) == 58)) {
            return Optional.of(Format.GDELT1);
        }
        return Optional.empty();
    }

    /** Fields of a comma-separated line, commas inside double quotes not counting. */
    static int csvFields(String line) {
        int fields = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields++;
            }
        }
        return fields;
    }
}
