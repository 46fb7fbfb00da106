package io.github.escmon.app.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The time scale of a chart: event time {@code from..to} onto {@code x0..x0+width}, with round UTC ticks. */
record TimeAxis(Instant from, Instant to, double x0, double width) {

    private static final int MAX_TICKS = 9;
    private static final List<Duration> STEPS = List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(28), Duration.ofDays(91), Duration.ofDays(182),
            Duration.ofDays(364));
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_HOUR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** An axis over {@code from..to}, widened to at least two hours so a single record still has room. */
    static TimeAxis over(Instant from, Instant to, double x0, double width) {
        Duration span = Duration.between(from, to);
        Duration min = Duration.ofHours(2);
        if (span.compareTo(min) < 0) {
            Duration pad = min.minus(span).dividedBy(2);
            from = from.minus(pad);
            to = to.plus(pad);
        }
        return new TimeAxis(from, to, x0, width);
    }

    double x(Instant t) {
        double span = to.toEpochMilli() - from.toEpochMilli();
        return x0 + width * (t.toEpochMilli() - from.toEpochMilli()) / span;
    }

    Duration step() {
        long span = to.toEpochMilli() - from.toEpochMilli();
        for (Duration step : STEPS) {
            if (span / step.toMillis() < MAX_TICKS) {
                return step;
            }
        }
        long days = (span / MAX_TICKS) / Duration.ofDays(1).toMillis() + 1;
        return Duration.ofDays(days);
    }

    /** Tick times: multiples of the step since the epoch (UTC midnights for whole days) within the axis. */
    List<Instant> ticks() {
        long step = step().toMillis();
        long first = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
        List<Instant> ticks = new ArrayList<>();
        for (long t = first; t <= to.toEpochMilli(); t += step) {
            ticks.add(Instant.ofEpochMilli(t));
        }
        return ticks;
    }

    /** A tick's label; the first tick of an hourly axis names its day too. */
    String label(Instant tick, boolean first) {
        Duration step = step();
        if (step.compareTo(Duration.ofDays(91)) >= 0) {
            return MONTH.format(tick);
        }
        if (step.compareTo(Duration.ofDays(1)) >= 0) {
            return DAY.format(tick);
        }
        boolean midnight = tick.toEpochMilli() % Duration.ofDays(1).toMillis() == 0;
        return midnight || first ? DAY_HOUR.format(tick) : HOUR.format(tick);
    }
}
