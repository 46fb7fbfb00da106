package io.github.escmon.streams.topology;

import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.WindowHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Keys of the {@code dyad-window-events} store, which holds each window's events and its tit-for-tat responses: the
 * dyad, a kind byte (0: event, 1: response), a time (8 bytes, big-endian, sign flipped so that bytes sort as times
 * do: the event's, or the response's provocation's) and the event's arrival number in its window (8 bytes, the same
 * way). So a
 * prefix scan gives a dyad's events oldest first, or its responses by provocation time: the order in which each
 * expires.
 */
public final class WindowEventKeys {

    static final byte EVENT = 0;
    static final byte RESPONSE = 1;

    private WindowEventKeys() {
    }

    /** A dyad's window from its header and its log (in a task's stores, or queried), or null when it has none. */
    public static DyadWindow load(ReadOnlyKeyValueStore<String, WindowHeader> headers,
                                  ReadOnlyKeyValueStore<Bytes, byte[]> events, String dyad) {
        WindowHeader header = headers.get(dyad);
        return header == null ? null : DyadWindow.restore(header, StoreWindowLog.readOnly(events, dyad));
    }

    public static Bytes eventPrefix(String dyad) {
        return prefix(dyad, EVENT);
    }

    public static Bytes responsePrefix(String dyad) {
        return prefix(dyad, RESPONSE);
    }

    public static Bytes eventKey(String dyad, long at, long arrival) {
        return key(dyad, EVENT, at, arrival);
    }

    /** @param provocationAt the time of the provocation the response answered */
    public static Bytes responseKey(String dyad, long provocationAt, long arrival) {
        return key(dyad, RESPONSE, provocationAt, arrival);
    }

    private static Bytes prefix(String dyad, byte kind) {
        byte[] d = dyad.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(d.length + 1).put(d).put(kind).array());
    }

    private static Bytes key(String dyad, byte kind, long time, long arrival) {
        byte[] d = dyad.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(d.length + 1 + 2 * Long.BYTES)
                .put(d).put(kind).putLong(time ^ Long.MIN_VALUE).putLong(arrival ^ Long.MIN_VALUE).array());
    }
}
