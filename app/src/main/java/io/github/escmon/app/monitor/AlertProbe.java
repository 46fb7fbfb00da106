package io.github.escmon.app.monitor;

import io.github.escmon.events.Alert;
import io.github.escmon.events.ProducedAtHeader;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A leaf beside the alerts sink: tells the observer of every alert the sink writes, with the time its cause was
 * produced. Forwards nothing.
 */
final class AlertProbe implements FixedKeyProcessor<String, Alert, Void> {

    private final MonitorObserver observer;
    private final Instant emitFrom;

    /** @param emitFrom a replay's lead-in end (alerts before it are not written), or null */
    AlertProbe(MonitorObserver observer, Instant emitFrom) {
        this.observer = observer;
        this.emitFrom = emitFrom;
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        Alert alert = record.value();
        if (emitFrom != null && alert.at().isBefore(emitFrom)) {
            return;
        }
        Header producedAt = record.headers().lastHeader(ProducedAtHeader.NAME);
        observer.alert(alert, producedAt == null ? null : ProducedAtHeader.decode(producedAt.value()));
    }
}
