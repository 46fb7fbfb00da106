package io.github.escmon.app.monitor;

import io.github.escmon.streams.Outcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what became of incidents, for a run's tally. Thread-safe and cheap on the stream thread. */
public final class OutcomeCounts implements Outcome.Listener {

    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);

    public OutcomeCounts() {
        for (Outcome o : Outcome.values()) {
            counts.put(o, new LongAdder());
        }
    }

    @Override
    public void count(Outcome outcome) {
        counts.get(outcome).increment();
    }

    public long get(Outcome outcome) {
        return counts.get(outcome).sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
