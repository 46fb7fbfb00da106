package io.github.escmon.producer.gdelt;

import io.github.escmon.events.InvalidIncidentException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** GDELT's dates ({@code YYYYMMDD}) and date-times ({@code YYYYMMDDHHMMSS}), all in UTC. */
final class GdeltTime {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private GdeltTime() {
    }

    /** Whether the value has the shape of a date-time (14 characters), as DATEADDED has in GDELT 2.0. */
    static boolean carriesTime(String value) {
        return value.length() == 14;
    }

    static Instant dateTime(GdeltColumn column, String value) {
        try {
            if (value.length() == 14) {
                return LocalDateTime.parse(value, DATE_TIME).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(column, value, "a UTC date-time YYYYMMDDHHMMSS");
    }

    /** The start of the day (00:00Z). */
    static Instant date(GdeltColumn column, String value) {
        try {
            if (value.length() == 8) {
                return LocalDate.parse(value, DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(column, value, "a date YYYYMMDD");
    }

    private static InvalidIncidentException invalid(GdeltColumn column, String value, String expected) {
        return column.invalid(value.isEmpty() ? "required, " + expected : "not " + expected + ": " + GdeltColumn.quoted(value));
    }
}
