package io.github.escmon.producer.source;

import io.github.escmon.events.TimelineRecord;

/**
 * One row (line) of a source file and what it holds. Every row read is exactly one of these, so a run's
 * counts add up: a record to publish, a row that names no pair of actors (counted, not an error), or an
 * invalid row with its line number and reason.
 */
public sealed interface Row permits Row.Valid, Row.Unpaired, Row.Invalid {

    /** 1-based line number in the (decompressed) file. */
    long line();

    /** An incident or heartbeat to publish. */
    record Valid(long line, TimelineRecord record) implements Row {
    }

    /** A row whose actors do not make a dyad (e.g. a GDELT row with no country or group on one side). */
    record Unpaired(long line, String reason) implements Row {
    }

    /**
     * A row that cannot be an incident.
     *
     * @param field the field at fault ({@code record} when the row as a whole is unreadable)
     * @param raw   the row as read, for the error report and the dead-letter topic
     */
    record Invalid(long line, String field, String reason, String raw) implements Row {
    }
}
