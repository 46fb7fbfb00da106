package io.github.escmon.app.reliability;

import io.github.escmon.events.Incident;
import io.github.escmon.producer.source.ForwardingRowReader;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import java.util.HashMap;
import java.util.Map;

/**
 * The first {@code limit} rows of a reader, counting the incidents per dyad among them; the rest stay in the
 * underlying reader, so that one publisher can send a file in two parts with a pause between them and write what
 * a single pass would (heartbeats follow event time, which the publisher remembers).
 */
final class FirstRows extends ForwardingRowReader {

    private final long limit;
    private final Map<String, Integer> incidentsByDyad = new HashMap<>();
    private long read;

    FirstRows(RowReader rows, long limit) {
        super(rows);
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        return read < limit && super.hasNext();
    }

    @Override
    public Row next() {
        Row row = super.next();
        read++;
        if (row instanceof Row.Valid valid && valid.record() instanceof Incident incident && !incident.isDomestic()) {
            incidentsByDyad.merge(incident.key(), 1, Integer::sum);
        }
        return row;
    }

    /** Incidents per dyad among the rows read. */
    Map<String, Integer> incidentsByDyad() {
        return incidentsByDyad;
    }

    /** Not closed with the part: the rest of the file follows through the underlying reader. */
    @Override
    public void close() {
    }
}
