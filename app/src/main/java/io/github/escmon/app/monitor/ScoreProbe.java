package io.github.escmon.app.monitor;

import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.topology.ReplayBounds;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** A leaf beside the scores sink: tells the observer of every score record the sink writes. Forwards nothing. */
final class ScoreProbe implements FixedKeyProcessor<String, DyadScore, Void> {

    private final MonitorObserver observer;
    private final ReplayBounds bounds;
    private FixedKeyProcessorContext<String, Void> context;

    ScoreProbe(MonitorObserver observer, ReplayBounds bounds) {
        this.observer = observer;
        this.bounds = bounds;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Void> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, DyadScore> record) {
        DyadScore score = record.value();
        if (bounds.emits(score.at())) {
            observer.score(score, context.recordMetadata().map(RecordMetadata::partition).orElse(-1));
        }
    }
}
