package io.github.escmon.producer.gdelt;

import io.github.escmon.producer.source.Format;
import java.time.Instant;

/** What tells GDELT 2.0 and 1.0 exports apart: their layouts and which column dates an event. */
enum GdeltVersion {

    /** 15-minute exports: an event is dated when GDELT added it (DATEADDED, to the second). */
    V2(Format.GDELT2, "61") {
        @Override
        GdeltLayout layout(int columns) {
            return columns == GdeltLayout.V2.columns() ? GdeltLayout.V2 : null;
        }

        @Override
        Instant occurredAt(GdeltFields fields) {
            return GdeltTime.dateTime(GdeltColumn.DATEADDED, fields.get(GdeltColumn.DATEADDED));
        }
    },

    /**
     * Daily exports and the backfile: an event is dated by its day (SQLDATE, at 00:00Z). GDELT 1.0 gives
     * DATEADDED as a day too; a re-export whose DATEADDED carries a time (YYYYMMDDHHMMSS) is dated by it.
     */
    V1(Format.GDELT1, "57 or 58") {
        @Override
        GdeltLayout layout(int columns) {
            if (columns == GdeltLayout.V1_DAILY.columns()) {
                return GdeltLayout.V1_DAILY;
            }
            return columns == GdeltLayout.V1_BACKFILE.columns() ? GdeltLayout.V1_BACKFILE : null;
        }

        @Override
        Instant occurredAt(GdeltFields fields) {
            String added = fields.get(GdeltColumn.DATEADDED);
            return GdeltTime.carriesTime(added)
                    ? GdeltTime.dateTime(GdeltColumn.DATEADDED, added)
                    : GdeltTime.date(GdeltColumn.SQLDATE, fields.get(GdeltColumn.SQLDATE));
        }
    };

    private final Format format;
    private final String expectedColumns;

    GdeltVersion(Format format, String expectedColumns) {
        this.format = format;
        this.expectedColumns = expectedColumns;
    }

    Format format() {
        return format;
    }

    /** As in "expected 57 or 58 tab-separated columns". */
    String expectedColumns() {
        return expectedColumns;
    }

    /** The official layout of rows with this many columns, or null when there is none. */
    abstract GdeltLayout layout(int columns);

    abstract Instant occurredAt(GdeltFields fields);

    /** The columns a header row must name for its rows to be read. */
    GdeltColumn[] requiredColumns() {
        return new GdeltColumn[] {GdeltColumn.GLOBALEVENTID, this == V2 ? GdeltColumn.DATEADDED : GdeltColumn.SQLDATE,
                GdeltColumn.ACTOR1_CODE, GdeltColumn.ACTOR1_COUNTRY_CODE, GdeltColumn.ACTOR1_KNOWN_GROUP_CODE,
                GdeltColumn.ACTOR2_CODE, GdeltColumn.ACTOR2_COUNTRY_CODE, GdeltColumn.ACTOR2_KNOWN_GROUP_CODE,
                GdeltColumn.EVENT_CODE, GdeltColumn.NUM_SOURCES};
    }
}
