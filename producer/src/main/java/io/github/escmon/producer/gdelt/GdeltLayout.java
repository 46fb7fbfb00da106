package io.github.escmon.producer.gdelt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Where each {@link GdeltColumn} is in a row: one of GDELT's official layouts, or the one a header row names. */
final class GdeltLayout {

    static final GdeltLayout V2 = positional(61, GdeltColumn::v2Position);
    static final GdeltLayout V1_DAILY = positional(58, GdeltColumn::v1Position);
    static final GdeltLayout V1_BACKFILE = positional(57, GdeltColumn::v1Position);

    private final int columns;
    private final Map<GdeltColumn, Integer> positions;

    private GdeltLayout(int columns, Map<GdeltColumn, Integer> positions) {
        this.columns = columns;
        this.positions = positions;
    }

    private static GdeltLayout positional(int columns, ToIntFunction<GdeltColumn> position) {
        Map<GdeltColumn, Integer> positions = new EnumMap<>(GdeltColumn.class);
        for (GdeltColumn column : GdeltColumn.values()) {
            int p = position.applyAsInt(column);
            if (p < columns) {
                positions.put(column, p);
            }
        }
        return new GdeltLayout(columns, positions);
    }

    /** Whether the fields are a header row rather than an event: one of them is the name GLOBALEVENTID. */
    static boolean isHeader(String[] fields) {
        return Arrays.stream(fields).anyMatch(f -> f.strip().equalsIgnoreCase(GdeltColumn.GLOBALEVENTID.label()));
    }

    /** The layout a header row names (names compared ignoring case; columns escmon does not read are ignored). */
    static GdeltLayout fromHeader(String[] names) {
        Map<GdeltColumn, Integer> positions = new EnumMap<>(GdeltColumn.class);
        for (GdeltColumn column : GdeltColumn.values()) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].strip().equalsIgnoreCase(column.label())) {
                    positions.put(column, i);
                    break;
                }
            }
        }
        return new GdeltLayout(names.length, positions);
    }

    int columns() {
        return columns;
    }

    /** The 0-based position of the column, or -1 when the layout has no such column. */
    int position(GdeltColumn column) {
        return positions.getOrDefault(column, -1);
    }

    /** The labels of {@code required} columns this layout lacks. */
    List<String> missing(GdeltColumn... required) {
        List<String> missing = new ArrayList<>();
        Arrays.stream(required).filter(c -> !positions.containsKey(c)).forEach(c -> missing.add(c.label()));
        return missing;
    }
}
