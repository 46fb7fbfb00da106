package io.github.escmon.streams.topology;

import io.github.escmon.streams.window.DyadWindow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The windows a task used last, as objects: a hot dyad's window is neither read back from its store nor rebuilt
 * on each of its events. The task writes through (its stores always hold what this holds), drops it with the task,
 * and clears it whenever processing a record fails part-way. Bounded by windows and by the bytes they take
 * together ({@link DyadWindow#heapBytes()}: about a kilobyte each, unless their evidence carries long texts): the
 * least recently used go first, and the window just used always stays.
 */
final class RecentWindows {

    private record Cached(DyadWindow window, long bytes) {
    }

    private final Map<String, Cached> windows = new LinkedHashMap<>(256, 0.75f, true);
    private final int maxWindows;
    private final long maxBytes;
    private long bytes;

    /** @param maxWindows 0 keeps nothing */
    RecentWindows(int maxWindows, long maxBytes) {
        this.maxWindows = maxWindows;
        this.maxBytes = maxBytes;
    }

    DyadWindow get(String dyad) {
        Cached c = windows.get(dyad);
        return c == null ? null : c.window();
    }

    /** Remembers {@code window} as it is now (its size counts from now on), then evicts down to the bounds. */
    void put(String dyad, DyadWindow window) {
        if (maxWindows == 0) {
            return;
        }
        long size = window.heapBytes();
        Cached before = windows.put(dyad, new Cached(window, size));
        bytes += size - (before == null ? 0 : before.bytes());
        var eldest = windows.entrySet().iterator();
        while ((windows.size() > maxWindows || bytes > maxBytes) && windows.size() > 1) {
            var e = eldest.next();
            if (!e.getKey().equals(dyad)) {
                bytes -= e.getValue().bytes();
                eldest.remove();
            }
        }
    }

    void remove(String dyad) {
        Cached c = windows.remove(dyad);
        if (c != null) {
            bytes -= c.bytes();
        }
    }

    void clear() {
        windows.clear();
        bytes = 0;
    }

    int windows() {
        return windows.size();
    }

    long bytes() {
        return bytes;
    }
}
