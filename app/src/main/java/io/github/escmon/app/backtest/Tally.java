package io.github.escmon.app.backtest;

import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.streams.Outcome;
import java.util.Locale;

/** The one-line tally of a run, whose parts add up to the rows read (heartbeat rows, if any, aside). */
public final class Tally {

    private Tally() {
    }

    public static String of(PublishReport published, OutcomeCounts o) {
        long invalid = published.invalid() + o.get(Outcome.INVALID);
        String line = String.format(Locale.ROOT, "read %d: accepted %d, unpaired %d, invalid %d, duplicate %d, domestic %d, late %d",
                published.read(), o.get(Outcome.ACCEPTED), published.unpaired(), invalid, o.get(Outcome.DUPLICATE),
                o.get(Outcome.DOMESTIC), o.get(Outcome.LATE));
        long accounted = o.total() + published.invalid() + published.heartbeatLines() + published.unpaired();
        long missing = published.read() - accounted;
        return missing == 0 ? line
                : line + String.format(Locale.ROOT, " (%d not accounted for: please report this)", missing);
    }
}
