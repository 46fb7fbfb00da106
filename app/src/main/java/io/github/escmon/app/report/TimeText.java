package io.github.escmon.app.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Event times as people read them in the report: UTC, minutes, seconds only when there are any. */
final class TimeText {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private TimeText() {
    }

    static String of(Instant t) {
        if (t == null) {
            return "";
        }
        return t.getEpochSecond() % 60 == 0 && t.getNano() == 0 ? MINUTES.format(t) : SECONDS.format(t);
    }

    /** Hours as the alert summaries write them: {@code 32 h}, {@code 15.5 h}. */
    static String hours(double h) {
        return h == Math.rint(h) ? String.format(Locale.ROOT, "%d h", (long) h) : String.format(Locale.ROOT, "%.1f h", h);
    }
}
