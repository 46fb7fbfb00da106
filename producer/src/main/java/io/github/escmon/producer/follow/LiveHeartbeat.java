package io.github.escmon.producer.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time of the follower's wall-clock heartbeat: {@code now - lag}, but never earlier than the latest event
 * time published, and never later than the time of an export file known (or, after a restart, expected) but
 * not yet published.
 *
 * <p>Why: GDELT stamps a row with DATEADDED, the start of its 15-minute file, and publishes the file some
 * minutes after that, so the freshest events arrive up to ~15 minutes behind the wall clock. A heartbeat at
 * {@code now} would push stream time past events still on their way; they would then be scored late, at a
 * later time than a replay of the same files would score them. Holding heartbeats {@code lag} behind the wall
 * clock keeps them behind the next file in normal operation, and the cap keeps them behind files that are
 * known to exist while the follower catches up after a restart or a failed download. Heartbeats never go back
 * behind published events, since stream time cannot go back.
 */
public final class LiveHeartbeat {

    private final FollowSink sink;
    private final Clock clock;
    private final Duration every;
    private final Duration lag;
    private long dueAt = System.nanoTime();
    private Instant last;

    /** Sends heartbeats to {@code sink} every {@code every} (the first at once), at {@code clock} minus {@code lag}. */
    LiveHeartbeat(FollowSink sink, Clock clock, Duration every, Duration lag) {
        this.sink = sink;
        this.clock = clock;
        this.every = every;
        this.lag = lag;
    }

    /** When the next heartbeat is due, in {@link System#nanoTime()}. */
    long dueAt() {
        return dueAt;
    }

    /** Sends a heartbeat if one is due and its time would move on from the last one's (see {@link #at}). */
    void beatIfDue(Instant latestEvent, Instant pending) {
        long now = System.nanoTime();
        if (now - dueAt < 0) {
            return;
        }
        dueAt = now + every.toNanos();
        Instant t = at(clock.instant(), lag, latestEvent, pending);
        if (last == null || t.isAfter(last)) {
            sink.heartbeat(t);
            last = t;
        }
    }

    /**
     * @param latestEvent the latest event time published, or null
     * @param pending     the time of the earliest export file known or expected but not published yet, or null
     */
    public static Instant at(Instant now, Duration lag, Instant latestEvent, Instant pending) {
        Instant t = now.minus(lag);
        if (pending != null && t.isAfter(pending)) {
            t = pending;
        }
        if (latestEvent != null && latestEvent.isAfter(t)) {
            t = latestEvent;
        }
        return t;
    }
}
