package io.github.escmon.streams.topology;

import io.github.escmon.events.Dyad;
import io.github.escmon.streams.engine.PartitionState;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.WindowHeader;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A partition's scoring state in Kafka Streams stores (fault-tolerant through their changelogs).
 */
final class StoreState implements PartitionState {

    private static final String STREAM_TIME = "stream-time";
    static final int RECENT_WINDOWS = 10_000;
    /**
     * At most this many bytes of windows as objects per task: a window takes about a kilobyte whatever it holds
     * (its events stay in RocksDB), so this only matters for windows whose evidence carries very long texts.
     */
    static final long RECENT_BYTES = Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 64);
    /** In how many ticks the sweep of the seen ids passes over the whole store (a week of hourly ticks). */
    static final int SWEEP_TICKS = 7 * 24;
    /** The fewest seen ids a tick's slice of the sweep looks at (a small store is swept whole at every tick). */
    static final int SWEEP_SLICE_MIN = 1_000;

    private final KeyValueStore<String, WindowHeader> windows;
    private final KeyValueStore<Bytes, byte[]> windowEvents;
    private final KeyValueStore<String, Boolean> ticking;
    private final KeyValueStore<String, Long> clock;
    private final KeyValueStore<String, Long> seenById;
    /** The windows this task used last, as objects (see {@link RecentWindows}). */
    private final RecentWindows recent;
    /**
     * Whether a window's header and its events reach their stores together. Under at-least-once a crash can leave
     * the events' store (written at once) ahead of the cached headers' (written at commit), so a window read back
     * from the stores is rebuilt from its events at its next evaluation.
     */
    private final boolean exactlyOnce;

    /** The clock store's value, read once (this task is its only writer); null until read or when none. */
    private Long streamTime;
    /** Where the sweep of the seen ids goes on at the next tick; null: at the store's first key. */
    private String sweepFrom;

    StoreState(ProcessorContext<?, ?> context) {
        this(context, RECENT_WINDOWS);
    }

    /** @param recentWindows how many windows to keep as objects (0: read every window from the stores) */
    StoreState(ProcessorContext<?, ?> context, int recentWindows) {
        this.recent = new RecentWindows(recentWindows, RECENT_BYTES);
        this.windows = context.getStateStore(ScoringTopology.WINDOW_STORE);
        this.windowEvents = context.getStateStore(ScoringTopology.WINDOW_EVENTS_STORE);
        this.ticking = context.getStateStore(ScoringTopology.TICKING_STORE);
        this.clock = context.getStateStore(ScoringTopology.CLOCK_STORE);
        this.seenById = context.getStateStore(ScoringTopology.SEEN_STORE);
        Object guarantee = context.appConfigs().get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        this.exactlyOnce = guarantee != null && guarantee.toString().startsWith("exactly_once");
    }

    @Override
    public Long streamTime() {
        if (streamTime == null) {
            streamTime = clock.get(STREAM_TIME);
        }
        return streamTime;
    }

    @Override
    public void streamTime(long t) {
        if (streamTime == null || streamTime != t) {
            clock.put(STREAM_TIME, t);
            streamTime = t;
        }
    }

    @Override
    public DyadWindow window(String dyad) {
        DyadWindow w = recent.get(dyad);
        if (w == null) {
            WindowHeader header = windows.get(dyad);
            if (header != null) {
                w = DyadWindow.restore(header, StoreWindowLog.of(windowEvents, dyad), exactlyOnce);
                recent.put(dyad, w);
            }
        }
        return w;
    }

    @Override
    public DyadWindow newWindow(Dyad dyad) {
        return new DyadWindow(dyad, StoreWindowLog.of(windowEvents, dyad.key()));
    }

    /** Writes the window's header (its events and responses it has written to its log itself). */
    @Override
    public void putWindow(String dyad, DyadWindow window) {
        windows.put(dyad, window.header());
        recent.put(dyad, window);
    }

    @Override
    public void evict(String dyad) {
        recent.remove(dyad);
    }

    /** Forgets the cached windows and clock (after a failure that may have left one changed but not stored). */
    void forgetRecent() {
        recent.clear();
        streamTime = null;
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
            // every event makes its dyad due a tick: a put each time made half a changelog record per input event,
            // since the cache sends a key put since the last commit even when its value is the same
            if (ticking.get(dyad) == null) {
                ticking.put(dyad, Boolean.TRUE);
            }
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
        seenById.put(id, at);
    }

    /**
     * Sweeps a slice of the seen ids at every tick, deleting those at or before the cutoff, so that one pass over the
     * store takes {@link #SWEEP_TICKS} ticks. The ids are keyed by id, not time, so a pass reads every id to find the
     * expired ones: a pass a week reads each id about three times in its life (W of 14 days, plus up to a week of
     * waiting), where a full scan every day read it fifteen times, and no tick stalls on a scan of the whole store.
     * Between passes the store holds ids up to a week older than needed, which is harmless (a duplicate is an id seen
     * within the window, and {@code PartitionScorer} checks the time).
     */
    @Override
    public void forgetSeenUpTo(long cutoff) {
        // sized at every tick, not once a pass: ids that only grow (GDELT's) land ahead of the cursor, and a slice
        // sized at the start of a pass could then fall behind them for good
        long slice = Math.max(SWEEP_SLICE_MIN, seenById.approximateNumEntries() / SWEEP_TICKS + 1);
        List<String> gone = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = sweepFrom == null ? seenById.all() : seenById.range(sweepFrom, null)) {
            for (long n = 0; n < slice && it.hasNext(); n++) {
                var kv = it.next();
                if (kv.value <= cutoff) {
                    gone.add(kv.key);
                }
            }
            sweepFrom = it.hasNext() ? it.peekNextKey() : null;
        }
        gone.forEach(id -> seenById.put(id, null)); // delete() would read each value first
    }
}
