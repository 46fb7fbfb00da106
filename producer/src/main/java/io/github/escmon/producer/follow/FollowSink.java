package io.github.escmon.producer.follow;

import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.RowReader;
import java.time.Instant;

/** Where the follower's rows and heartbeats go: the incidents topic ({@link PublisherSink}), or a test. */
public interface FollowSink {

    /** Publishes every row of one export file and waits until they are acknowledged. */
    PublishReport publish(ExportFile file, RowReader rows);

    /** Sends a heartbeat of time {@code time} to every partition and waits until it is acknowledged. */
    void heartbeat(Instant time);
}
