package io.github.escmon.app.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What the HTTP server answers: exact paths and path prefixes ({@code /dyads/}), each with a handler that turns
 * a {@link Request} into a {@link Reply}. Only GET is served.
 */
public final class Routes {

    /** A GET request: its decoded path, the part after the matched prefix (empty for exact paths), its query. */
    public record Request(String path, String rest, Map<String, String> query) {

        public String param(String name) {
            return query.get(name);
        }
    }

    private final Map<String, Function<Request, Reply>> exact = new LinkedHashMap<>();
    private final Map<String, Function<Request, Reply>> prefixes = new LinkedHashMap<>();

    /** {@code /health}, {@code /ready} (200 only when {@code state} is RUNNING) and {@code /metrics}. */
    public static Routes basic(Supplier<KafkaStreams.State> state, Supplier<String> metrics) {
        return new Routes()
                .get("/health", r -> Reply.text(200, "UP"))
                .get("/ready", r -> ready(state.get()))
                .get("/metrics", r -> new Reply(200, Reply.PROMETHEUS_TEXT, metrics.get()));
    }

    private static Reply ready(KafkaStreams.State s) {
        return s == KafkaStreams.State.RUNNING ? Reply.text(200, "READY " + s) : Reply.text(503, "NOT READY " + s);
    }

    public Routes get(String path, Function<Request, Reply> handler) {
        exact.put(path, handler);
        return this;
    }

    /** Every path that starts with {@code prefix} (which ends with '/') and has more after it. */
    public Routes getUnder(String prefix, Function<Request, Reply> handler) {
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix ends with '/': " + prefix);
        }
        prefixes.put(prefix, handler);
        return this;
    }

    /** The handler for {@code path} with the request it sees, or null when nothing serves the path. */
    Match match(String path, Map<String, String> query) {
        Function<Request, Reply> h = exact.get(path);
        if (h != null) {
            return new Match(h, new Request(path, "", query));
        }
        for (var e : prefixes.entrySet()) {
            if (path.startsWith(e.getKey()) && path.length() > e.getKey().length()) {
                return new Match(e.getValue(), new Request(path, path.substring(e.getKey().length()), query));
            }
        }
        return null;
    }

    record Match(Function<Request, Reply> handler, Request request) {
        Reply answer() {
            return handler.apply(request);
        }
    }
}
