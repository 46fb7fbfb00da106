package io.github.escmon.streams.window;

import io.github.escmon.events.Exchange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
        Exchange[] last = new Exchange[1];
        int count = scan(events, t, lagMillis, a, b, e -> last[0] = e);
        return new Result(count, last[0]);
    }

    /** Every exchange in the window up to {@code t}, oldest response first. */
    public static List<Exchange> all(List<WindowEvent> events, long t, long lagMillis, String a, String b) {
        List<Exchange> all = new ArrayList<>();
        scan(events, t, lagMillis, a, b, all::add);
        return all;
    }

    private static int scan(List<WindowEvent> events, long t, long lagMillis, String a, String b,
                            Consumer<Exchange> each) {
        WindowEvent[] earlier = new WindowEvent[2];   // latest hostile act per direction at an earlier instant
        WindowEvent[] sameInstant = new WindowEvent[2];
        long instant = Long.MIN_VALUE;
        int count = 0;
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
                each.accept(new Exchange(provocation.id(), e.id(),
                        e.forward() ? a : b, e.forward() ? b : a,
                        round6((e.at() - provocation.at()) / 3_600_000.0),
                        round6(e.hostility() / provocation.hostility())));
            }
            sameInstant[dir] = e;
        }
        return count;
    }

    private static void promote(WindowEvent[] sameInstant, WindowEvent[] earlier) {
        for (int d = 0; d < 2; d++) {
            if (sameInstant[d] != null) {
                earlier[d] = sameInstant[d];
                sameInstant[d] = null;
            }
        }
    }

    /**
     * Rounds half-even on the exact binary value, as Python's round(x, 6) does in the reference. Away from a tie the
     * product x·10⁶ is rounded in double arithmetic (its error, at most half an ulp, cannot cross the half), and
     * k / 10⁶ is correctly rounded, as BigDecimal's conversion is; near a tie it is decided exactly.
     */
    static double round6(double x) {
        double y = x * 1e6;
        if (Math.abs(y) < 1e15) {
            double f = Math.floor(y);
            double frac = y - f;
            if (Math.abs(frac - 0.5) > 4 * Math.ulp(y)) {
                return (frac < 0.5 ? f : f + 1) / 1e6;
            }
        }
        return exactRound6(x);
    }

    static double exactRound6(double x) {
        return new BigDecimal(x).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
