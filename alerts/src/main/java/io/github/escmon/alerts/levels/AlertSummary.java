package io.github.escmon.alerts.levels;

import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Exchange;
import java.util.Locale;

/** The one readable line of an alert: what happened, and why the level changed. */
public final class AlertSummary {

    private AlertSummary() {
    }

    public static String of(AlertLevel from, AlertLevel to, DyadScore s, AlertParameters p) {
        if (to == AlertLevel.NONE) {
            return String.format(Locale.ROOT, "%s calm: score %.2f, under %s for %s", s.dyad(), s.score(),
                    from, hours(p.hold().toMinutes() / 60.0));
        }
        if (to.compareTo(from) < 0) {
            return String.format(Locale.ROOT, "%s easing: score %.2f, under %s for %s", s.dyad(), s.score(),
                    from, hours(p.hold().toMinutes() / 60.0));
        }
        Exchange x = s.lastExchange();
        if (x != null && x.response().equals(s.eventId())) {
            return String.format(Locale.ROOT, "%s struck back at %s %s after %s's attack (%.2f× its intensity)",
                    x.from(), x.to(), hours(x.lagHours()), x.to(), x.ratio());
        }
        if (s.mutuality() == 0.0) {
            boolean abHostile = s.hostilityAB() > 0;
            String actor = abHostile ? s.a() : s.b();
            String other = abHostile ? s.b() : s.a();
            return String.format(Locale.ROOT, "%s hostile toward %s, one-sided so far: score %.2f", actor, other, s.score());
        }
        return String.format(Locale.ROOT, "%s and %s hostile toward each other (%d tit-for-tat exchange%s): score %.2f",
                s.a(), s.b(), s.exchanges(), s.exchanges() == 1 ? "" : "s", s.score());
    }

    private static String hours(double h) {
        return h == Math.rint(h) ? String.format(Locale.ROOT, "%d h", (long) h) : String.format(Locale.ROOT, "%.1f h", h);
    }
}
