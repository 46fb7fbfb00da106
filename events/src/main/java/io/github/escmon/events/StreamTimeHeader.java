package io.github.escmon.events;

import java.nio.charset.StandardCharsets;

/**
 * The producer's stream time (the latest event time it has published, epoch millis) on each incident record.
 * A partition only sees its own records and the heartbeats, so its clock can trail the stream's by up to a
 * tick; with this header it knows the stream's time exactly, and deciding whether an id repeats within W of
 * stream time does not depend on partitioning. Records without it (other producers) use the partition's clock.
 */
public final class StreamTimeHeader {

    public static final String NAME = "escmon.stream-time";

    private StreamTimeHeader() {
    }

    public static byte[] encode(long streamTime) {
        return Long.toString(streamTime).getBytes(StandardCharsets.UTF_8);
    }

    /** The header's time, or null when it is absent or unreadable (then it is simply not used). */
    public static Long decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(new String(value, StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
