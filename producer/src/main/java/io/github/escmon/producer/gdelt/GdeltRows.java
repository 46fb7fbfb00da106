package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.LookaheadRows;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The rows of a GDELT events file, one per non-blank line (empty lines are skipped, as in JSON Lines; line
 * numbers stay those of the file). The first line tells how fields are separated ({@link Separator}) and, when
 * it names GLOBALEVENTID, is a header row whose names place the columns; without one, each row's column count
 * picks the official layout of its GDELT version.
 */
final class GdeltRows extends LookaheadRows implements Closeable {

    private final BufferedReader in;
    private final GdeltVersion version;
    private final GdeltIncidentMapping mapping;
    private Separator separator;
    private GdeltLayout header;
    /** Why no row can be read by the header's names, or null. */
    private String headerProblem;
    private long lineNumber;

    GdeltRows(BufferedReader in, SourceSettings settings, GdeltVersion version) {
        this.in = in;
        this.version = version;
        this.mapping = new GdeltIncidentMapping(settings, version);
    }



    @Override
    protected Row readNext() {
        try {
            for (String text; (text = in.readLine()) != null; ) {
                lineNumber++;
                if (lineNumber == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (isBlank(text)) {
                    continue;
                }
                if (separator == null) {
                    separator = Separator.of(text);
                    if (readHeader(text)) {
                        continue;
                    }
                }
                return row(text);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNumber + 1), e);
        }
    }

    /** Nothing but spaces; a line of tabs is a row (of empty fields), as in a TSV it is. */
    private static boolean isBlank(String text) {
        return text.chars().allMatch(c -> c == ' ');
    }

    /** Takes the (first) line as the header row when it names GLOBALEVENTID; otherwise it is read as a row. */
    private boolean readHeader(String text) {
        String[] names;
        try {
            names = separator.split(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!GdeltLayout.isHeader(names)) {
            return false;
        }
        header = GdeltLayout.fromHeader(names);
        List<String> missing = header.missing(version.requiredColumns());
        if (!missing.isEmpty()) {
            headerProblem = "record: the header row (line " + lineNumber + ") has no column " + String.join(", ", missing);
        }
        return true;
    }

    private Row row(String text) {
        if (headerProblem != null) {
            return new Row.Invalid(lineNumber, "record", headerProblem, text);
        }
        String[] fields;
        try {
            fields = separator.split(text);
        } catch (IllegalArgumentException e) {
            return new Row.Invalid(lineNumber, "record",
                    "record: not a " + separator.description() + " row: " + e.getMessage(), text);
        }
        GdeltLayout layout = header != null ? header : version.layout(fields.length);
        if (layout == null || layout.columns() != fields.length) {
            String expected = header != null
                    ? header.columns() + " " + separator.description() + " columns (as the header row)"
                    : version.expectedColumns() + " " + separator.description() + " columns";
            return new Row.Invalid(lineNumber, "record", "record: expected " + expected + ", got " + fields.length, text);
        }
        return mapping.map(lineNumber, text, new GdeltFields(fields, layout));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
