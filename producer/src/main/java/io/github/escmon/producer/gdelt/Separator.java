package io.github.escmon.producer.gdelt;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;

/** How a GDELT file separates its fields: told once per file, from its first line. */
enum Separator {

    /**
     * GDELT's own exports: fields split on tabs and nothing else. A quote is an ordinary character there
     * (titles and place names hold them), so no CSV quoting rules apply.
     */
    TAB("tab-separated") {
        @Override
        String[] split(String line) {
            return line.split("\t", -1);
        }
    },

    /**
     * Re-exports of GDELT (database dumps): comma-separated, fields in double quotes, {@code NULL} for an empty
     * field (quoted or not: no GDELT field holds the text NULL).
     */
    QUOTED_COMMA("comma-separated") {
        @Override
        String[] split(String line) {
            String[] fields;
            try {
                fields = CSV.readValue(line);
            } catch (IOException e) {
                String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
                throw new IllegalArgumentException(reason, e);
            }
            for (int i = 0; i < fields.length; i++) {
                if (fields[i].equals("NULL")) {
                    fields[i] = "";
                }
            }
            return fields;
        }
    };

    private static final ObjectReader CSV = new CsvMapper().readerForArrayOf(String.class);

    private final String description;

    Separator(String description) {
        this.description = description;
    }

    /** Tabs when the line has any (GDELT's fields never hold one), else commas when it has any. */
    static Separator of(String firstLine) {
        return firstLine.indexOf('\t') < 0 && firstLine.indexOf(',') >= 0 ? QUOTED_COMMA : TAB;
    }

    /** The line's fields; throws {@link IllegalArgumentException} with the reason when it cannot be split. */
    abstract String[] split(String line);

    /** As in "expected 61 tab-separated columns". */
    String description() {
        return description;
    }
}
