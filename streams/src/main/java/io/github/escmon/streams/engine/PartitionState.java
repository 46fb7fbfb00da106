package io.github.escmon.streams.engine;

import io.github.escmon.events.Dyad;
import io.github.escmon.streams.window.DyadWindow;
import java.util.List;

/**
 * The state of one partition's scoring: Kafka Streams stores in the topology, plain maps in tests and tools.
 * Implementations only store; every rule is in {@link PartitionScorer}.
 */
public interface PartitionState {

    /** The partition's stream time (epoch millis), null before its first record. */
    Long streamTime();

    void streamTime(long t);

    /** The dyad's window, or null when it has none. */
    DyadWindow window(String dyad);

    /** A new, empty window for the dyad, keeping its events where this state keeps them. */
    DyadWindow newWindow(Dyad dyad);

    void putWindow(String dyad, DyadWindow window);

    /** Forgets any copy of the dyad's window kept in memory (after a failure that may have left it changed). */
    default void evict(String dyad) {
    }

    /** Dyads that need a tick, in dyad order. */
    List<String> ticking();

    void ticking(String dyad, boolean needsTick);

    /** When {@code id} was last remembered, or null. */
    Long seenAt(String id);

    void rememberSeen(String id, long at);

    /**
     * May forget the ids remembered at or before {@code cutoff}: the scorer never counts such an id as a duplicate,
     * so forgetting only bounds the state, and an implementation may do it in batches.
     */
    void forgetSeenUpTo(long cutoff);
}
