package io.github.escmon.producer.publish;

import io.github.escmon.events.Incident;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Publishes the rows of a source: valid ones to the topic, invalid ones into the report with their line
 * number and reason (and, if asked, to the dead-letter topic), unpaired ones counted. Nothing is dropped
 * silently.
 */
public final class FilePublisher {

    private FilePublisher() {
    }

    /**
     * @param deadLetters where invalid rows go besides the report (null: the report only)
     * @param progress    called with the number of rows read so far, every 1,000 rows and at the end
     */
    public static PublishReport publish(RowReader rows, IncidentPublisher publisher, DeadLetterPublisher deadLetters,
                                        LongConsumer progress) {
        try {
            return publish(rows, publisher, deadLetters, progress, Pacer.MAX);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** As above, pacing records by their event time ({@code --speed}). */
    public static PublishReport publish(RowReader rows, IncidentPublisher publisher, DeadLetterPublisher deadLetters,
                                        LongConsumer progress, Pacer pacer) throws InterruptedException {
        long read = 0;
        long published = 0;
        long heartbeatLines = 0;
        long unpaired = 0;
        List<LineError> errors = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            read++;
            if (row instanceof Row.Valid valid) {
                if (!pacer.isMax()) {
                    pacer.await(valid.record().time());
                    publisher.flushIfPaced();
                }
                publisher.publish(valid.record());
                if (valid.record() instanceof Incident) {
                    published++;
                } else {
                    heartbeatLines++;
                }
            } else if (row instanceof Row.Invalid invalid) {
                errors.add(new LineError(invalid.line(), invalid.field(), invalid.reason()));
                if (deadLetters != null) {
                    deadLetters.publish(invalid);
                }
            } else {
                unpaired++;
            }
            if (read % 1000 == 0) {
                progress.accept(read);
            }
        }
        publisher.flush();
        if (deadLetters != null) {
            deadLetters.flush();
        }
        progress.accept(read);
        return new PublishReport(read, published, heartbeatLines, unpaired, publisher.heartbeats(), List.copyOf(errors));
    }
}
