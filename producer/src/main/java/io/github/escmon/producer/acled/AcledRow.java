package io.github.escmon.producer.acled;

import io.github.escmon.events.InvalidIncidentException;
import java.util.Map;

/**
 * One data row of an ACLED export, its fields by (lower-case) column name. A column the header lacks reads
 * as empty for optional columns and as an error for required ones.
 */
record AcledRow(Map<String, String> fields) {

    private static final int MAX_QUOTE = 60;

    /** The trimmed value, or "" when the cell is empty or the header has no such column. */
    String text(String column) {
        String v = fields.get(column);
        return v == null ? "" : v.strip();
    }

    /** The trimmed value of a column the header must have; "" when the cell is empty. */
    String column(String column) {
        if (!fields.containsKey(column)) {
            throw new InvalidIncidentException(column, column + ": the header has no such column");
        }
        return text(column);
    }

    /** The trimmed value of a column every row must fill. */
    String required(String column) {
        String v = column(column);
        if (v.isEmpty()) {
            throw new InvalidIncidentException(column, column + ": required, got an empty cell");
        }
        return v;
    }

    /** A value in quotes for a message, cut short. */
    static String quote(String s) {
        String cut = s.length() > MAX_QUOTE ? s.substring(0, MAX_QUOTE) + "…" : s;
        return "\"" + cut + "\"";
    }
}
