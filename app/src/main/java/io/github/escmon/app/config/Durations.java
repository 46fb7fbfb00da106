package io.github.escmon.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Durations as people write them in settings: {@code 72h}, {@code 14d}, {@code 30m}, {@code 90s}, or ISO-8601. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    public static Duration parse(String key, String text) {
        var m = SHORT.matcher(text.trim());
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            return Duration.ofMillis(Math.round(n * unitMillis));
        }
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + ": not a duration: '" + text + "' (write 72h, 14d, 30m, 90s or PT72H)");
        }
    }
}
