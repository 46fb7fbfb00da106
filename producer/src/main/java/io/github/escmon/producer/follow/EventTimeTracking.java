package io.github.escmon.producer.follow;

import io.github.escmon.producer.source.ForwardingRowReader;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import java.time.Instant;

/** Passes rows through, remembering the latest event time among the valid ones. */
final class EventTimeTracking extends ForwardingRowReader {

    private Instant latest;

    EventTimeTracking(RowReader rows) {
        super(rows);
    }

    /** The latest event time of the valid rows read so far, or null. */
    Instant latest() {
        return latest;
    }

    @Override
    public Row next() {
        Row row = super.next();
        if (row instanceof Row.Valid valid && (latest == null || valid.record().time().isAfter(latest))) {
            latest = valid.record().time();
        }
        return row;
    }
}
