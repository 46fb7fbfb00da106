package io.github.escmon.producer.follow;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to follow GDELT.
 *
 * @param updateList         GDELT's {@code lastupdate.txt}; gap files are fetched from beside the export it names
 * @param stateDir           where the follower keeps {@link StateFile#NAME}
 * @param poll               how often to read the update list
 * @param heartbeatEvery     how often (wall clock) to send a heartbeat to every partition
 * @param heartbeatLag       how far behind the wall clock heartbeats stay (see {@link LiveHeartbeat})
 * @param connectTimeout     for each HTTP connection
 * @param requestTimeout     for each HTTP response, headers and body
 * @param backoff            retries of one download within a poll
 * @param corruptPollsToSkip a file still corrupt after all attempts of this many polls is skipped (reported)
 */
public record FollowSettings(URI updateList, Path stateDir, Duration poll, Duration heartbeatEvery,
                             Duration heartbeatLag, Duration connectTimeout, Duration requestTimeout,
                             Backoff backoff, int corruptPollsToSkip) {

    public static final URI GDELT = URI.create("http://data.gdeltproject.org/gdeltv2/lastupdate.txt");

    /** GDELT's 15-minute cadence: poll every 15 min, heartbeat every minute 15 min behind, 10 s / 60 s timeouts. */
    public static FollowSettings defaults(URI updateList, Path stateDir) {
        return new FollowSettings(updateList, stateDir, Duration.ofMinutes(15), Duration.ofMinutes(1),
                Duration.ofMinutes(15), Duration.ofSeconds(10), Duration.ofSeconds(60), Backoff.DEFAULT, 4);
    }

    public FollowSettings withPoll(Duration d) {
        return new FollowSettings(updateList, stateDir, d, heartbeatEvery, heartbeatLag, connectTimeout,
                requestTimeout, backoff, corruptPollsToSkip);
    }

    public FollowSettings withHeartbeats(Duration every, Duration lag) {
        return new FollowSettings(updateList, stateDir, poll, every, lag, connectTimeout, requestTimeout, backoff,
                corruptPollsToSkip);
    }

    public FollowSettings withTimeouts(Duration connect, Duration request) {
        return new FollowSettings(updateList, stateDir, poll, heartbeatEvery, heartbeatLag, connect, request, backoff,
                corruptPollsToSkip);
    }

    public FollowSettings withBackoff(Backoff b) {
        return new FollowSettings(updateList, stateDir, poll, heartbeatEvery, heartbeatLag, connectTimeout,
                requestTimeout, b, corruptPollsToSkip);
    }
}
