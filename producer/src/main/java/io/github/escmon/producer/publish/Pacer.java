package io.github.escmon.producer.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Replays event time at a chosen speed: {@code max} (no waiting), {@code Nx} (event time runs N times faster
 * than the wall clock) or {@code realtime} (1x). Waits before a record until its event time is due; records
 * that go back in time are sent at once.
 */
public final class Pacer {

    public static final Pacer MAX = new Pacer(Double.POSITIVE_INFINITY, Clock.systemUTC());

    private final double speed;
    private final Clock clock;
    private long wallStart;
    private long eventStart = Long.MIN_VALUE;

    public Pacer(double speed, Clock clock) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.speed = speed;
        this.clock = clock;
    }

    /** {@code max}, {@code realtime}, or a factor such as {@code 60x} (also {@code 60}). */
    public static Pacer parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("max")) {
            return MAX;
        }
        if (t.equals("realtime")) {
            return new Pacer(1, Clock.systemUTC());
        }
        try {
            return new Pacer(Double.parseDouble(t.endsWith("x") ? t.substring(0, t.length() - 1) : t), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--speed: expected max, realtime or a factor such as 60x, got '" + text + "'");
        }
    }

    /** How long to wait before sending a record of event time {@code at}, in milliseconds (0: now). */
    public long delayMillis(Instant at) {
        if (Double.isInfinite(speed)) {
            return 0;
        }
        long now = clock.millis();
        if (eventStart == Long.MIN_VALUE) {
            eventStart = at.toEpochMilli();
            wallStart = now;
            return 0;
        }
        long due = wallStart + (long) ((at.toEpochMilli() - eventStart) / speed);
        return Math.max(0, due - now);
    }

    /** Waits until a record of event time {@code at} is due. */
    public void await(Instant at) throws InterruptedException {
        long delay = delayMillis(at);
        if (delay > 0) {
            Thread.sleep(delay);
        }
    }

    public boolean isMax() {
        return Double.isInfinite(speed);
    }
}
