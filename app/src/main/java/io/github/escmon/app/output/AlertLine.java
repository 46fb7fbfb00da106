package io.github.escmon.app.output;

import io.github.escmon.events.Alert;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One readable line per alert: time, dyad, status, level, score, and why. */
public final class AlertLine {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private AlertLine() {
    }

    public static String format(Alert a) {
        String level = Alert.RESOLVED.equals(a.status()) ? a.level() : a.level() + (a.previousLevel().equals("NONE") ? "" : " (was " + a.previousLevel() + ")");
        return String.format(Locale.ROOT, "%s  %-9s %-8s %-24s score %5.2f  %s%s",
                TIME.format(a.at()), a.dyad(), a.status(), level, a.score(),
                a.titForTat() ? "[tit-for-tat] " : "", a.summary());
    }
}
