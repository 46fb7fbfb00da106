package io.github.escmon.streams.engine;

import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Incident;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.ticks.TickClock;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.streams.window.ScoreParameters;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SCORING.md §1–4 for one stream partition, record by record: time first (every tick boundary up to the
 * record's time, evaluating the dyads that need a tick), then the record itself, which is a heartbeat
 * (time only), domestic, a duplicate, too late, or scored. Plain Java: the scoring processor calls it with its
 * stores, tests with maps.
 */
public final class PartitionScorer {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionScorer.class);

    private final ScoreParameters params;
    private final EventWeights weights;
    private final TickClock ticks;
    private final Outcome.Listener outcomes;

    public PartitionScorer(ScoreParameters params, EventWeights weights, Outcome.Listener outcomes) {
        this.params = params;
        this.weights = weights;
        this.ticks = new TickClock(params.tick().toMillis());
        this.outcomes = outcomes;
    }

    /** Applies one record; every score record it causes goes to {@code out}, in order. */
    public void apply(TimelineRecord record, PartitionState state, Consumer<DyadScore> out) {
        apply(record, null, state, out);
    }

    /**
     * As {@link #apply(TimelineRecord, PartitionState, Consumer)}, with the producer's stream time when the record
     * carries it ({@link io.github.escmon.events.StreamTimeHeader}): a duplicate is an id seen within W of the
     * stream's time, which this partition's clock may trail by up to a tick.
     */
    public void apply(TimelineRecord record, Long producerStreamTime, PartitionState state, Consumer<DyadScore> out) {
        long t = record.time().toEpochMilli();
        Long previous = state.streamTime();
        if (previous != null) {
            ticks.boundariesBetween(previous, t).forEach(b -> tick(b, state, out));
        }
        long streamTime = previous == null ? t : Math.max(previous, t);
        state.streamTime(streamTime);
        if (record instanceof Incident incident) {
            // an honest producer's stream time is less than a tick ahead of this partition's (it sends a heartbeat
            // to every partition at every boundary): a forged header must not make a duplicate look new
            long dedupeTime = producerStreamTime == null ? streamTime
                    : Math.max(streamTime, Math.min(producerStreamTime, streamTime + ticks.tickMillis()));
            outcomes.incident(score(incident, dedupeTime, state, out), incident.occurredAt());
        }
    }

    private Outcome score(Incident incident, long streamTime, PartitionState state, Consumer<DyadScore> out) {
        if (incident.isDomestic()) {
            return Outcome.DOMESTIC;
        }
        Long seen = state.seenAt(incident.id());
        if (seen != null && seen > streamTime - params.window().toMillis()) {
            return Outcome.DUPLICATE;
        }
        state.rememberSeen(incident.id(), incident.occurredAt().toEpochMilli());
        Dyad dyad = incident.dyad();
        DyadWindow window = state.window(dyad.key());
        if (window == null) {
            window = state.newWindow(dyad);
        }
        Optional<DyadScore> score = window.onEvent(weights.toWindowEvent(incident), params);
        if (score.isEmpty()) {
            return Outcome.LATE;
        }
        state.putWindow(dyad.key(), window);
        state.ticking(dyad.key(), window.needsTick());
        out.accept(score.get());
        return Outcome.ACCEPTED;
    }

    /** Evaluates every dyad that needs a tick at boundary {@code b}, in dyad order. */
    private void tick(long b, PartitionState state, Consumer<DyadScore> out) {
        state.forgetSeenUpTo(b - params.window().toMillis());
        for (String key : state.ticking()) {
            DyadScore score;
            DyadWindow window;
            try {
                window = state.window(key);
                score = window.onTick(b, params);
                state.putWindow(key, window);
            } catch (KafkaException e) {
                throw e; // Kafka's own failure, or state of another format: not this dyad's
            } catch (RuntimeException e) {
                // one dyad whose window cannot be evaluated must not stall its partition: the boundary would be
                // visited again, and fail again, at every later record
                LOG.error("Dyad {} could not be evaluated at {} and is no longer ticked until its next event: {}",
                        key, Instant.ofEpochMilli(b), e.toString(), e);
                state.evict(key);
                state.ticking(key, false);
                continue;
            }
            if (!window.needsTick()) {
                state.ticking(key, false); // it was ticking (that is how it came here): only a change is written
            }
            out.accept(score);
        }
    }
}
