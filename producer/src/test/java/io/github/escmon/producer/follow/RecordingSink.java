package io.github.escmon.producer.follow;

import io.github.escmon.events.Incident;
import io.github.escmon.producer.publish.LineError;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Captures what the follower would publish, in order: files with the incident ids read from them, and heartbeats. */
final class RecordingSink implements FollowSink {

    /** A file published (heartbeat null) or a heartbeat (file null). */
    record Sent(String file, List<String> ids, Instant heartbeat) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public PublishReport publish(ExportFile file, RowReader rows) {
        List<String> ids = new ArrayList<>();
        long read = 0;
        long unpaired = 0;
        List<LineError> errors = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            read++;
            if (row instanceof Row.Valid valid && valid.record() instanceof Incident incident) {
                ids.add(incident.id());
            } else if (row instanceof Row.Invalid invalid) {
                errors.add(new LineError(invalid.line(), invalid.field(), invalid.reason()));
            } else {
                unpaired++;
            }
        }
        sent.add(new Sent(file.name(), ids, null));
        return new PublishReport(read, ids.size(), 0, unpaired, 0, errors);
    }

    @Override
    public void heartbeat(Instant time) {
        sent.add(new Sent(null, List.of(), time));
    }

    List<String> files() {
        return sent.stream().filter(s -> s.file() != null).map(Sent::file).toList();
    }

    List<String> ids() {
        return sent.stream().flatMap(s -> s.ids().stream()).toList();
    }

    List<Instant> heartbeats() {
        return sent.stream().filter(s -> s.heartbeat() != null).map(Sent::heartbeat).toList();
    }
}
