package io.github.escmon.producer.gdelt;

/** One row's fields, read through its layout. */
record GdeltFields(String[] values, GdeltLayout layout) {

    /** The column's value without surrounding blanks; empty when the row or its layout has no such column. */
    String get(GdeltColumn column) {
        int p = layout.position(column);
        return p < 0 || p >= values.length ? "" : values[p].strip();
    }
}
