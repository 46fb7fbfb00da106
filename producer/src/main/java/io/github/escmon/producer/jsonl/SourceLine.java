package io.github.escmon.producer.jsonl;

import io.github.escmon.events.InvalidIncidentException;
import io.github.escmon.events.TimelineRecord;

/**
 * One line of an input file: its number (1-based), and either the record it holds or why it holds none.
 * Blank lines are neither and are skipped before this.
 */
public record SourceLine(long number, TimelineRecord record, InvalidIncidentException error) {

    public boolean isValid() {
        return record != null;
    }
}
