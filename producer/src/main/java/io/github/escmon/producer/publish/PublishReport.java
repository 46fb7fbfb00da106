package io.github.escmon.producer.publish;

import java.util.List;

/**
 * What publishing a source did. {@code read = published + heartbeatLines + unpaired + invalid}: every row is
 * an incident published, a heartbeat, a row naming no pair of actors, or invalid. What becomes of published
 * incidents downstream (accepted, duplicate, domestic, late) the topology counts.
 *
 * @param published  incidents sent
 * @param heartbeats heartbeat records sent (one per partition per tick boundary crossed)
 */
public record PublishReport(long read, long published, long heartbeatLines, long unpaired, long heartbeats,
                            List<LineError> errors) {

    public long invalid() {
        return errors.size();
    }
}
