package io.github.escmon.streams;

import io.github.escmon.events.Incident;
import java.time.Duration;
import java.time.Instant;

/** Incidents for tests, written tersely. */
public final class Events {

    public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private Events() {
    }

    public static Incident incident(String id, Duration after, String source, String target, String cameo) {
        return incident(id, after, source, target, cameo, 0, 1.0);
    }

    public static Incident incident(String id, Duration after, String source, String target, String cameo,
                                    int fatalities, double confidence) {
        return new Incident(id, T0.plus(after), source, target, cameo, null, fatalities, confidence, null, null, null);
    }

    public static Incident withGoldstein(String id, Duration after, String source, String target, double goldstein) {
        return new Incident(id, T0.plus(after), source, target, null, goldstein, 0, 1.0, null, null, null);
    }

    public static Duration h(double hours) {
        return Duration.ofMillis(Math.round(hours * 3_600_000));
    }
}
