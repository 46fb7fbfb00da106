package io.github.escmon.producer.publish;

import java.util.List;

/**
 * What publishing a file did. {@code read = published + heartbeatLines + invalid}: every non-blank line is an
 * incident published, a heartbeat, or invalid; what becomes of published incidents downstream (accepted,
 * duplicate, domestic, late) the topology counts.
 *
 * @param published  incidents sent
 * @param heartbeats heartbeat records sent (one per partition per tick boundary crossed)
 */
public record PublishReport(long read, long published, long heartbeatLines, long heartbeats, List<LineError> errors) {

    public long invalid() {
        return errors.size();
    }
}
