package io.github.escmon.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.escmon.events.Json;

/** An HTTP answer: status, content type and body (always text; a newline is added when missing). */
public record Reply(int status, String contentType, String body) {

    public static final String PLAIN = "text/plain; charset=utf-8";
    public static final String JSON = "application/json";
    /** The Prometheus text exposition format Micrometer's {@code scrape()} writes. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    public static Reply text(int status, String line) {
        return new Reply(status, PLAIN, line);
    }

    /** {@code value} as JSON with status 200. */
    public static Reply json(Object value) {
        return json(200, value);
    }

    public static Reply json(int status, Object value) {
        try {
            return new Reply(status, JSON, Json.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON error body, {@code {"error": message}}. */
    public static Reply error(int status, String message) {
        return json(status, java.util.Map.of("error", message));
    }
}
