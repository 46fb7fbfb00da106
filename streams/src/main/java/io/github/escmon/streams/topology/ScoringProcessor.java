package io.github.escmon.streams.topology;

import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Incident;
import io.github.escmon.events.InvalidIncidentException;
import io.github.escmon.events.ProducedAtHeader;
import io.github.escmon.events.StreamTimeHeader;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.streams.engine.PartitionScorer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Moves records in and out of {@link PartitionScorer}, with the partition's stores as its state.
 *
 * <p>Stream time is per partition, and producers write heartbeats to every partition at every tick boundary,
 * so each partition visits the same boundaries as a single stream would: the output does not depend on the
 * partition count.
 */
final class ScoringProcessor implements Processor<String, TimelineRecord, String, DyadScore> {

    private final PartitionScorer scorer;
    private final ReplayBounds bounds;
    private ProcessorContext<String, DyadScore> context;
    private StoreState state;

    private final int recentWindows;

    ScoringProcessor(PartitionScorer scorer, ReplayBounds bounds, int recentWindows) {
        this.scorer = scorer;
        this.bounds = bounds;
        this.recentWindows = recentWindows;
    }

    @Override
    public void init(ProcessorContext<String, DyadScore> context) {
        this.context = context;
        this.state = new StoreState(context, recentWindows);
    }

    @Override
    public void process(Record<String, TimelineRecord> record) {
        var source = context.recordMetadata();
        if (source.isPresent() && bounds.isBeyondEnd(source.get().partition(), source.get().offset())) {
            return; // past the end of a replay: not part of it
        }
        if (record.value() instanceof Incident incident && !incident.key().equals(record.key())) {
            // the key decides the partition, and all of a dyad's events must meet in one partition
            throw new InvalidIncidentException("key", "key: must be the incident's dyad " + incident.key()
                    + ", got " + (record.key() == null ? "no key" : "\"" + record.key() + "\""));
        }
        Header hint = record.headers().lastHeader(StreamTimeHeader.NAME);
        Header producedAt = record.headers().lastHeader(ProducedAtHeader.NAME);
        try {
            scorer.apply(record.value(), hint == null ? null : StreamTimeHeader.decode(hint.value()), state,
                    score -> context.forward(new Record<>(score.dyad(), score, score.at().toEpochMilli(), carried(producedAt))));
        } catch (RuntimeException e) {
            state.forgetRecent(); // a cached window may be ahead of its store now
            throw e;
        }
    }

    /** Of the input's headers, a score carries only when its cause was produced ({@link ProducedAtHeader}). */
    private static Headers carried(Header producedAt) {
        RecordHeaders out = new RecordHeaders();
        if (producedAt != null) {
            out.add(producedAt);
        }
        return out;
    }
}
