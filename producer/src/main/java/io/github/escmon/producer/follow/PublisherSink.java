package io.github.escmon.producer.follow;

import io.github.escmon.events.Heartbeat;
import io.github.escmon.producer.publish.DeadLetterPublisher;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.RowReader;
import java.time.Instant;
import java.util.function.Function;

/**
 * Publishes followed files through an {@link IncidentPublisher} (keyed by dyad, heartbeats at tick boundaries)
 * and, if asked, their invalid rows to the dead-letter topic.
 */
public final class PublisherSink implements FollowSink {

    private final IncidentPublisher publisher;
    private final Function<String, DeadLetterPublisher> deadLetters;

    /**
     * @param deadLetters opens a dead-letter publisher for a file name (closed after the file), or null for none
     */
    public PublisherSink(IncidentPublisher publisher, Function<String, DeadLetterPublisher> deadLetters) {
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @Override
    public PublishReport publish(ExportFile file, RowReader rows) {
        if (deadLetters == null) {
            return FilePublisher.publish(rows, publisher, null, read -> { });
        }
        try (DeadLetterPublisher dlq = deadLetters.apply(file.name())) {
            return FilePublisher.publish(rows, publisher, dlq, read -> { });
        }
    }

    @Override
    public void heartbeat(Instant time) {
        publisher.publish(new Heartbeat(time));
        publisher.flush();
    }
}
