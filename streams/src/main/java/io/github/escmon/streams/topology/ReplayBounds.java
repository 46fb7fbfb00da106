package io.github.escmon.streams.topology;

import java.time.Instant;
import java.util.Map;

/**
 * What a replay reads and writes: each input partition up to (not including) an end offset, and only the
 * records from {@code emitFrom} on written out (earlier ones are the lead-in: they build state, no output).
 * {@link #NONE} for the live monitor, which reads everything and writes everything.
 *
 * @param endOffsets partition → first offset not to process; partitions not named are read to the end
 * @param emitFrom   score and alert records before this time are not written (null: all are)
 */
public record ReplayBounds(Map<Integer, Long> endOffsets, Instant emitFrom) {

    public static final ReplayBounds NONE = new ReplayBounds(Map.of(), null);

    public boolean isBeyondEnd(int partition, long offset) {
        Long end = endOffsets.get(partition);
        return end != null && offset >= end;
    }

    public boolean emits(Instant at) {
        return emitFrom == null || !at.isBefore(emitFrom);
    }
}
