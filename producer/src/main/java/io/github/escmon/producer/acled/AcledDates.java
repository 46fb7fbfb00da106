package io.github.escmon.producer.acled;

import io.github.escmon.events.InvalidIncidentException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * ACLED's event_date → the instant escmon uses: the day at 00:00Z (ACLED gives days, not times). Exports write
 * the day as {@code 2024-01-16} (the API, newer exports) or {@code 16 January 2024} (the export tool).
 */
final class AcledDates {

    private static final List<DateTimeFormatter> FORMATS = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("d MMMM uuuu")
                    .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT));

    private AcledDates() {
    }

    static Instant startOfDay(String text) {
        for (DateTimeFormatter format : FORMATS) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        throw new InvalidIncidentException("event_date", "event_date: not a date such as 2024-01-16 or 16 January 2024: "
                + AcledRow.quote(text));
    }
}
