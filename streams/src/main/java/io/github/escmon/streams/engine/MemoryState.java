package io.github.escmon.streams.engine;

import io.github.escmon.events.Dyad;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.MemoryLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Partition state in plain maps: for tests, and for tools that score without Kafka. */
public final class MemoryState implements PartitionState {

    private Long streamTime;
    private final Map<String, DyadWindow> windows = new TreeMap<>();
    private final Map<String, MemoryLog> logs = new HashMap<>();
    private final TreeSet<String> ticking = new TreeSet<>();
    private final Map<String, Long> seen = new HashMap<>();

    @Override
    public Long streamTime() {
        return streamTime;
    }

    @Override
    public void streamTime(long t) {
        streamTime = t;
    }

    @Override
    public DyadWindow window(String dyad) {
        return windows.get(dyad);
    }

    @Override
    public DyadWindow newWindow(Dyad dyad) {
        MemoryLog log = new MemoryLog();
        logs.put(dyad.key(), log);
        return new DyadWindow(dyad, log);
    }

    @Override
    public void putWindow(String dyad, DyadWindow window) {
        windows.put(dyad, window);
    }

    /** A copy of the dyad's window that can be evaluated without changing this state. */
    public DyadWindow snapshot(String dyad) {
        return DyadWindow.restore(windows.get(dyad).header(), logs.get(dyad).copy());
    }

    /** The dyad's log of events and responses. */
    public MemoryLog log(String dyad) {
        return logs.get(dyad);
    }

    @Override
    public List<String> ticking() {
        return new ArrayList<>(ticking);
    }

    @Override
    public void ticking(String dyad, boolean needsTick) {
        if (needsTick) {
            ticking.add(dyad);
        } else {
            ticking.remove(dyad);
        }
    }

    @Override
    public Long seenAt(String id) {
        return seen.get(id);
    }

    @Override
    public void rememberSeen(String id, long at) {
        seen.put(id, at);
    }

    @Override
    public void forgetSeenUpTo(long cutoff) {
        seen.values().removeIf(at -> at <= cutoff);
    }

    public Map<String, DyadWindow> windows() {
        return windows;
    }

    public int seenIds() {
        return seen.size();
    }
}
