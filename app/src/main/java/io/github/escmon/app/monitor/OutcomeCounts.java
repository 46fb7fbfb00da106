package io.github.escmon.app.monitor;

import io.github.escmon.streams.Outcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of what became of incidents, for a run's tally, passed on to a further listener (metrics). Thread-safe
 * and cheap on the stream thread.
 */
public final class OutcomeCounts implements Outcome.Listener {

    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
    private final Outcome.Listener next;

    public OutcomeCounts() {
        this(Outcome.Listener.NONE);
    }

    public OutcomeCounts(Outcome.Listener next) {
        this.next = next;
        for (Outcome o : Outcome.values()) {
            counts.put(o, new LongAdder());
        }
    }

    @Override
    public void count(Outcome outcome) {
        counts.get(outcome).increment();
        next.count(outcome);
    }

    @Override
    public void incident(Outcome outcome, Instant occurredAt) {
        counts.get(outcome).increment();
        next.incident(outcome, occurredAt);
    }

    public long get(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
