package io.github.escmon.producer.follow;

import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** Passes rows through, remembering the latest event time among the valid ones. */
final class EventTimeTracking implements RowReader {

    private final RowReader rows;
    private Instant latest;

    EventTimeTracking(RowReader rows) {
        this.rows = rows;
    }

    /** The latest event time of the valid rows read so far, or null. */
    Instant latest() {
        return latest;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Row next() {
        Row row = rows.next();
        if (row instanceof Row.Valid valid && (latest == null || valid.record().time().isAfter(latest))) {
            latest = valid.record().time();
        }
        return row;
    }

    @Override
    public Format format() {
        return rows.format();
    }

    @Override
    public Map<String, String> derivedActorCodes() {
        return rows.derivedActorCodes();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
