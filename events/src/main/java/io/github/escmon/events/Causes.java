package io.github.escmon.events;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Walks an exception's cause chain, which Kafka nests deeply ({@code StreamsException} around a
 * {@code KafkaException} around what went wrong). A chain that loops back on itself ends where it would repeat.
 */
public final class Causes {

    private Causes() {
    }

    /** The last exception of {@code e}'s cause chain: {@code e} itself when it has no cause. */
    public static Throwable root(Throwable e) {
        Throwable root = e;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            root = t;
        }
        return root;
    }

    /**
     * The message to show for {@code e}: the first on its cause chain, passing over wrappers that have none or that
     * only wrap ({@link ExecutionException}); the simple class name when the chain has no message at all.
     */
    public static String message(Throwable e) {
        Throwable shown = e;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            shown = t;
            if (t.getMessage() != null && !(t instanceof ExecutionException)) {
                break;
            }
        }
        return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
    }

    /** The first exception of type {@code type} in {@code e}'s cause chain, {@code e} included. */
    public static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
