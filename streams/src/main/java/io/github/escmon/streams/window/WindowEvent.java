package io.github.escmon.streams.window;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Comparator;

/**
 * An incident as a dyad window keeps it: its time, direction and weights, plus what evidence needs.
 *
 * @param forward     true for a→b (source is the dyad's first actor)
 * @param hostility   h of SCORING.md §2 (0 for non-hostile events)
 * @param cooperation c of SCORING.md §2
 */
public record WindowEvent(String id, long at, boolean forward, double hostility, double cooperation,
                          String cameo, int fatalities, String summary, String url) {

    /** Event-time order, ties broken by id, as the reference orders hostile acts. */
    public static final Comparator<WindowEvent> ORDER =
            Comparator.comparingLong(WindowEvent::at).thenComparing(WindowEvent::id);

    @JsonIgnore
    public boolean isHostile() {
        return hostility > 0;
    }
}
