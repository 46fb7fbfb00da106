package io.github.escmon.streams.window;

import io.github.escmon.events.Exchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Tit-for-tat exchanges in a dyad window (SCORING.md §3): a hostile act X→Y answering the latest hostile act
 * Y→X made strictly earlier and at most L before it. One pass over the window in event order: for each
 * direction it keeps the latest hostile act of an earlier instant.
 */
public final class TitForTat {

    /** How many responses the window holds, and the latest of them (null when none). */
    public record Result(int exchanges, Exchange last) {
    }

    private TitForTat() {
    }

    /**
     * @param events the window in {@link WindowEvent#ORDER}; only hostile events at or before {@code t} count
     */
    public static Result find(List<WindowEvent> events, long t, long lagMillis, String a, String b) {
        WindowEvent[] earlier = new WindowEvent[2];   // latest hostile act per direction at an earlier instant
        WindowEvent[] sameInstant = new WindowEvent[2];
        long instant = Long.MIN_VALUE;
        int count = 0;
        Exchange last = null;
        for (WindowEvent e : events) {
            if (e.at() > t) {
                break;
            }
            if (!e.isHostile()) {
                continue;
            }
            if (e.at() != instant) {
                promote(sameInstant, earlier);
                instant = e.at();
            }
            int dir = e.forward() ? 0 : 1;
            WindowEvent provocation = earlier[1 - dir];
            if (provocation != null && e.at() - provocation.at() <= lagMillis) {
                count++;
                last = new Exchange(provocation.id(), e.id(),
                        e.forward() ? a : b, e.forward() ? b : a,
                        round6((e.at() - provocation.at()) / 3_600_000.0),
                        round6(e.hostility() / provocation.hostility()));
            }
            sameInstant[dir] = e;
        }
        return new Result(count, last);
    }

    private static void promote(WindowEvent[] sameInstant, WindowEvent[] earlier) {
        for (int d = 0; d < 2; d++) {
            if (sameInstant[d] != null) {
                earlier[d] = sameInstant[d];
                sameInstant[d] = null;
            }
        }
    }

    /** Rounds half-even on the exact binary value, as Python's round(x, 6) does in the reference. */
    static double round6(double x) {
        return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
