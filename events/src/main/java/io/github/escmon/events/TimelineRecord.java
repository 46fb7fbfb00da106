package io.github.escmon.events;

import java.time.Instant;

/**
 * What the {@code incidents} topic carries: an incident, or a heartbeat that only says what time it is.
 * Both advance stream time; only incidents are scored.
 */
public sealed interface TimelineRecord permits Incident, Heartbeat {

    /** The event time of the record; its Kafka timestamp equals it. */
    Instant time();
}
