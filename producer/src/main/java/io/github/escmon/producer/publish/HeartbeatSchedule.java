package io.github.escmon.producer.publish;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * When a producer must write heartbeats: whenever event time crosses a tick boundary, one heartbeat at the
 * latest boundary crossed goes to every partition before the record that crossed it. A partition that sees
 * it visits every boundary up to it, just as a single stream would, so scores do not depend on partitioning.
 *
 * <p>The first record also announces the boundary at or before it: otherwise a partition whose first record
 * is older would start its clock there and tick boundaries the stream has long passed (and a restarted
 * producer would leave partitions behind).
 */
public final class HeartbeatSchedule {

    private final long tickMillis;
    private Long streamTime;

    public HeartbeatSchedule(long tickMillis) {
        this.tickMillis = tickMillis;
    }

    /** Advances producer stream time to {@code t}; returns the boundary to announce first, if one was crossed. */
    public OptionalLong advance(Instant t) {
        long next = t.toEpochMilli();
        long latest = Math.floorDiv(next, tickMillis) * tickMillis;
        OptionalLong due = OptionalLong.empty();
        if (streamTime == null || latest > streamTime) {
            due = OptionalLong.of(latest);
        }
        streamTime = streamTime == null ? next : Math.max(streamTime, next);
        return due;
    }

    /** The latest event time seen so far (epoch millis), null before the first record. */
    public Long streamTime() {
        return streamTime;
    }
}
