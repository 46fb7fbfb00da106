package io.github.escmon.producer.follow;

import io.github.escmon.producer.publish.PublishReport;
import java.time.Duration;

/** What the follower tells its caller (the command line prints it; tests record it). It also logs all of it. */
public interface FollowListener {

    /** A file was published completely and recorded as finished. */
    default void published(ExportFile file, PublishReport report) {
    }

    /** A file was recorded as finished without publishing it, for the reason given. */
    default void skipped(ExportFile file, String reason) {
    }

    /** An attempt at {@code what} failed; the follower tries again after {@code wait}. */
    default void retrying(String what, FetchException failure, int attempt, Duration wait) {
    }

    /** Every attempt at {@code what} failed; the follower tries again at the next poll. */
    default void deferred(String what, FetchException failure) {
    }
}
