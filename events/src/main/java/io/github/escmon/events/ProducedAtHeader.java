package io.github.escmon.events;

import java.nio.charset.StandardCharsets;

/**
 * When the producer sent a record (wall clock, epoch millis, as decimal text). The monitor carries it from the
 * incident or heartbeat that caused a score, onto that score and any alert it raises, so the time from an
 * incident's publication to its alert can be measured ({@code escmon_alert_latency_seconds}) and read off the
 * alert record by any consumer.
 */
public final class ProducedAtHeader {

    public static final String NAME = "escmon.produced-at";

    private ProducedAtHeader() {
    }

    public static byte[] encode(long epochMillis) {
        return Long.toString(epochMillis).getBytes(StandardCharsets.UTF_8);
    }

    /** The header's time, or null when it is absent or unreadable. */
    public static Long decode(byte[] value) {
        return StreamTimeHeader.decode(value);
    }
}
