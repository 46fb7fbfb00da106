package io.github.escmon.producer.follow;

import java.time.Instant;

/**
 * What the follower remembers across restarts.
 *
 * @param lastFinished    the last export file finished: published, or skipped as never published by GDELT
 * @param latestEventTime the latest event time published so far (null before the first), so that heartbeats
 *                        after a restart never go back behind it
 */
public record FollowState(String lastFinished, Instant latestEventTime) {

    /** The time of {@link #lastFinished}. */
    public Instant lastFinishedTime() {
        return ExportFile.timeOf(lastFinished).orElseThrow();
    }
}
