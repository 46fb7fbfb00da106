package io.github.escmon.alerts.topology;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.alerts.levels.DyadAlertState;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Loads a dyad's alert state, steps it with the score record, stores it back (or deletes it when NONE). */
final class AlertProcessor implements Processor<String, DyadScore, String, Alert> {

    private final AlertParameters params;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, DyadAlertState> states;

    AlertProcessor(AlertParameters params) {
        this.params = params;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.states = context.getStateStore(AlertTopology.STATE_STORE);
    }

    @Override
    public void process(Record<String, DyadScore> record) {
        DyadScore score = record.value();
        DyadAlertState current = states.get(score.dyad());
        DyadAlertState.Step step = (current == null ? DyadAlertState.NONE : current).onScore(score, params);
        if (step.next().equals(DyadAlertState.NONE)) {
            if (current != null) {
                states.delete(score.dyad());
            }
        } else if (!step.next().equals(current)) {
            states.put(score.dyad(), step.next());
        }
        // the score's headers (when its cause was produced) go on to the alert
        step.alert().ifPresent(alert -> context.forward(
                new Record<>(alert.dyad(), alert, alert.at().toEpochMilli(), record.headers())));
    }
}
