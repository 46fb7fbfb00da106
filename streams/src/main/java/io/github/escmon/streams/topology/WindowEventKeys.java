package io.github.escmon.streams.topology;

import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.WindowCodec;
import io.github.escmon.streams.window.WindowEvent;
import io.github.escmon.streams.window.WindowHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Keys and values of the {@code dyad-window-events} store: the dyad, a zero byte, the event time (8 bytes, big-endian,
 * sign flipped so that bytes sort as times do), the id (length first) and a sequence number among equal events. All
 * of a dyad's events share the prefix {@link #prefix}.
 */
public final class WindowEventKeys {

    private WindowEventKeys() {
    }

    /** A dyad's window from its header and its events (in a task's stores, or queried), or null when it has none. */
    public static DyadWindow load(ReadOnlyKeyValueStore<String, WindowHeader> headers,
                                  ReadOnlyKeyValueStore<Bytes, byte[]> events, String dyad) {
        WindowHeader header = headers.get(dyad);
        if (header == null) {
            return null;
        }
        List<WindowEvent> list = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = events.prefixScan(prefix(dyad), new BytesSerializer())) {
            it.forEachRemaining(kv -> list.add(event(kv.value)));
        }
        return DyadWindow.restore(header, list);
    }

    public static Bytes prefix(String dyad) {
        byte[] d = dyad.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(d.length + 1).put(d).put((byte) 0).array());
    }

    /**
     * @param seq which of the window's events with this time and id it is (0 for the first): the reference scores
     *            an event again when its id and time repeat once the first is no longer a duplicate
     */
    public static Bytes key(String dyad, WindowEvent e, int seq) {
        byte[] d = dyad.getBytes(StandardCharsets.UTF_8);
        byte[] id = e.id().getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(d.length + 1 + Long.BYTES + Integer.BYTES + id.length + Integer.BYTES)
                .put(d).put((byte) 0).putLong(e.at() ^ Long.MIN_VALUE).putInt(id.length).put(id).putInt(seq).array());
    }

    public static byte[] value(WindowEvent e) {
        return WindowCodec.event(e);
    }

    public static WindowEvent event(byte[] value) {
        return WindowCodec.event(value);
    }
}
