package io.github.escmon.streams.topology;

import io.github.escmon.streams.window.DyadWindow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The windows a task used last, as objects: a hot dyad's window is neither read back from its store nor rebuilt
 * on each of its events. The task writes through (its stores always hold what this holds), drops it with the task,
 * and clears it whenever processing a record fails part-way. Bounded by windows and by the events they hold
 * together, so that the heap does not grow with the number of events: the least recently used go first, and the
 * window just used always stays.
 */
final class RecentWindows {

    private record Cached(DyadWindow window, int events) {
    }

    private final Map<String, Cached> windows = new LinkedHashMap<>(256, 0.75f, true);
    private final int maxWindows;
    private final long maxEvents;
    private long events;

    /** @param maxWindows 0 keeps nothing */
    RecentWindows(int maxWindows, long maxEvents) {
        this.maxWindows = maxWindows;
        this.maxEvents = maxEvents;
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
        Cached before = windows.put(dyad, new Cached(window, window.size()));
        events += window.size() - (before == null ? 0 : before.events());
        var eldest = windows.entrySet().iterator();
        while ((windows.size() > maxWindows || events > maxEvents) && windows.size() > 1) {
            var e = eldest.next();
            if (!e.getKey().equals(dyad)) {
                events -= e.getValue().events();
                eldest.remove();
            }
        }
    }

    void clear() {
        windows.clear();
        events = 0;
    }

    int windows() {
        return windows.size();
    }

    long events() {
        return events;
    }
}
