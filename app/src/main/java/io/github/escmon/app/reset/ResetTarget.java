package io.github.escmon.app.reset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Where the input offsets move to: the first record at or after a time, or the beginning of each partition.
 *
 * @param time the time, or null for the beginning
 */
public record ResetTarget(Instant time) {

    /** The format Kafka's reset tool reads ({@code Utils.getDateTime}): milliseconds and an explicit zone. */
    private static final DateTimeFormatter TOOL_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    public static final ResetTarget EARLIEST = new ResetTarget(null);

    public ResetTarget {
        if (time != null && time.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("--to-datetime: Kafka record times start at 1970-01-01T00:00:00Z, got "
                    + time + "; use --to-earliest to reprocess everything");
        }
        if (time != null && time.isAfter(Instant.parse("9999-12-31T23:59:59.999Z"))) {
            throw new IllegalArgumentException("--to-datetime: years after 9999 are not supported, got " + time);
        }
    }

    /** An ISO instant ({@code 2024-01-01T00:00:00Z}, any offset) or a date meaning its midnight UTC. */
    public static ResetTarget parse(String text) {
        Instant t;
        try {
            t = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--to-datetime: expected a time such as 2024-01-01T00:00:00Z or a date "
                    + "2024-01-01, got '" + text + "'");
        }
        return new ResetTarget(t);
    }

    public boolean isEarliest() {
        return time == null;
    }

    /**
     * The tool's option: {@code --to-datetime=…} in whole milliseconds (record timestamps are milliseconds, so a
     * time between two milliseconds is rounded up: the first record at or after it is the same), or
     * {@code --to-earliest}.
     */
    public String toolOption() {
        if (time == null) {
            return "--to-earliest";
        }
        Instant millis = time.truncatedTo(ChronoUnit.MILLIS);
        Instant up = millis.equals(time) ? millis : millis.plusMillis(1);
        return "--to-datetime=" + TOOL_FORMAT.format(up);
    }

    /** For people: "the first record at or after 2024-01-01T00:00:00Z" or "the beginning". */
    public String describe() {
        return time == null ? "the beginning" : "the first record at or after " + DateTimeFormatter.ISO_INSTANT.format(time);
    }

    /** "from 2024-01-01T00:00:00Z on" or "from the beginning". */
    public String from() {
        return time == null ? "from the beginning" : "from " + DateTimeFormatter.ISO_INSTANT.format(time) + " on";
    }
}
