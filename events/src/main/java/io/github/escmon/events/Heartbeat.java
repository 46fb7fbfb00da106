package io.github.escmon.events;

import java.time.Instant;

/**
 * A time signal with no event, written by producers to every partition of {@code incidents} at each tick
 * boundary of event time, so that every partition sees time pass the same way whatever its dyads.
 * On the wire: {@code {"heartbeat":"2024-01-16T18:00:00Z"}}.
 */
public record Heartbeat(Instant heartbeat) implements TimelineRecord {

    @Override
    public Instant time() {
        return heartbeat;
    }
}
