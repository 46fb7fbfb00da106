package io.github.escmon.producer.publish;

import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentSerde;
import io.github.escmon.producer.jsonl.JsonLinesReader;
import io.github.escmon.producer.jsonl.SourceLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Publishes a JSON Lines file: valid lines go to the topic, invalid ones into the report with their line
 * number and reason. Nothing is dropped silently.
 */
public final class FilePublisher {

    private final IncidentSerde serde;

    public FilePublisher(IncidentSerde serde) {
        this.serde = serde;
    }

    /**
     * @param progress called with the number of lines read so far, every 1,000 lines and at the end
     */
    public PublishReport publish(Path file, IncidentPublisher publisher, LongConsumer progress) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return publish(in, publisher, progress);
        }
    }

    /** As {@link #publish(Path, IncidentPublisher, LongConsumer)}, from an open reader (which stays open). */
    public PublishReport publish(BufferedReader in, IncidentPublisher publisher, LongConsumer progress) {
        long read = 0;
        long published = 0;
        long heartbeatLines = 0;
        List<LineError> errors = new ArrayList<>();
        var lines = new JsonLinesReader(in, serde);
        while (lines.hasNext()) {
            SourceLine line = lines.next();
            read++;
            if (line.isValid()) {
                publisher.publish(line.record());
                if (line.record() instanceof Incident) {
                    published++;
                } else {
                    heartbeatLines++;
                }
            } else {
                errors.add(new LineError(line.number(), line.error().field(), line.error().getMessage()));
            }
            if (read % 1000 == 0) {
                progress.accept(read);
            }
        }
        publisher.flush();
        progress.accept(read);
        return new PublishReport(read, published, heartbeatLines, publisher.heartbeats(), List.copyOf(errors));
    }
}
