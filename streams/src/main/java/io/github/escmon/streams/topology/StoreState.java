package io.github.escmon.streams.topology;

import io.github.escmon.streams.engine.PartitionState;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.WindowHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A partition's scoring state in Kafka Streams stores (fault-tolerant through their changelogs). Seen ids
 * have two stores: id → time, and a time-ordered index (8-byte big-endian time + id) so that forgetting reads
 * only what has expired.
 */
final class StoreState implements PartitionState {

    private static final String STREAM_TIME = "stream-time";
    static final int RECENT_WINDOWS = 1_000;

    private final KeyValueStore<String, WindowHeader> windows;
    private final KeyValueStore<Bytes, byte[]> windowEvents;
    private final KeyValueStore<String, Boolean> ticking;
    private final KeyValueStore<String, Long> clock;
    private final KeyValueStore<String, Long> seenById;
    private final KeyValueStore<Bytes, byte[]> seenByTime;
    /**
     * The windows this task used last, as objects: a hot dyad's window is neither read back from JSON nor rebuilt on
     * each of its events. Written through (the store always holds what the cache holds), dropped with the task, and
     * cleared whenever processing a record fails part-way.
     */
    private final Map<String, DyadWindow> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DyadWindow> eldest) {
            return size() > recentWindows;
        }
    };

    private final int recentWindows;

    StoreState(ProcessorContext<?, ?> context) {
        this(context, RECENT_WINDOWS);
    }

    /** @param recentWindows how many windows to keep as objects (0: read every window from the stores) */
    StoreState(ProcessorContext<?, ?> context, int recentWindows) {
        this.recentWindows = recentWindows;
        this.windows = context.getStateStore(ScoringTopology.WINDOW_STORE);
        this.windowEvents = context.getStateStore(ScoringTopology.WINDOW_EVENTS_STORE);
        this.ticking = context.getStateStore(ScoringTopology.TICKING_STORE);
        this.clock = context.getStateStore(ScoringTopology.CLOCK_STORE);
        this.seenById = context.getStateStore(ScoringTopology.SEEN_STORE);
        this.seenByTime = context.getStateStore(ScoringTopology.SEEN_BY_TIME_STORE);
    }

    @Override
    public Long streamTime() {
        return clock.get(STREAM_TIME);
    }

    @Override
    public void streamTime(long t) {
        clock.put(STREAM_TIME, t);
    }

    @Override
    public DyadWindow window(String dyad) {
        DyadWindow w = recent.get(dyad);
        if (w == null) {
            w = WindowEventKeys.load(windows, windowEvents, dyad);
            if (w != null) {
                recent.put(dyad, w);
            }
        }
        return w;
    }

    /** Writes the window's new and expired events one by one, and its header. */
    @Override
    public void putWindow(String dyad, DyadWindow window) {
        window.drainChanges(c -> windowEvents.put(WindowEventKeys.key(dyad, c.event(), c.seq()), WindowEventKeys.value(c.event())),
                c -> windowEvents.delete(WindowEventKeys.key(dyad, c.event(), c.seq())));
        windows.put(dyad, window.header());
        recent.put(dyad, window);
    }

    /** Forgets the cached windows (after a failure that may have left one changed but not stored). */
    void forgetRecent() {
        recent.clear();
    }

    @Override
    public List<String> ticking() {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, Boolean> it = ticking.all()) {
            it.forEachRemaining(kv -> due.add(kv.key));
        }
        return due;
    }

    @Override
    public void ticking(String dyad, boolean needsTick) {
        if (needsTick) {
            ticking.put(dyad, Boolean.TRUE);
        } else {
            ticking.delete(dyad);
        }
    }

    @Override
    public Long seenAt(String id) {
        return seenById.get(id);
    }

    @Override
    public void rememberSeen(String id, long at) {
        Long earlier = seenById.get(id);
        if (earlier != null) {
            seenByTime.delete(indexKey(earlier, id));
        }
        seenById.put(id, at);
        seenByTime.put(indexKey(at, id), new byte[0]);
    }

    @Override
    public void forgetSeenUpTo(long cutoff) {
        List<Bytes> gone = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> it = seenByTime.all()) {
            while (it.hasNext()) {
                Bytes key = it.next().key;
                if (ByteBuffer.wrap(key.get()).getLong() > cutoff) {
                    break;
                }
                gone.add(key);
            }
        }
        for (Bytes key : gone) {
            seenByTime.delete(key);
            byte[] k = key.get();
            seenById.delete(new String(k, Long.BYTES, k.length - Long.BYTES, StandardCharsets.UTF_8));
        }
    }

    static Bytes indexKey(long at, String id) {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + idBytes.length).putLong(at).put(idBytes).array());
    }
}
