package io.github.escmon.app.bench;

import io.github.escmon.events.Causes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a throughput phase: a warm-up run (not counted) if asked, then the measured runs, each with the memory
 * peaks reset before it. A run that fails ends its phase (the workload is the same every run, so the next would
 * fail too); the phase then reports what completed and why it stopped. Ctrl-C ({@link BenchStopped}) passes through.
 */
final class PhaseRunner {

    /** What one run measured. */
    record Run(double eventsPerSecond, long stateBytes, Map<String, Long> outcomes, List<Written> written) {
        Run(double eventsPerSecond, long stateBytes, Map<String, Long> outcomes) {
            this(eventsPerSecond, stateBytes, outcomes, List.of());
        }
    }

    @FunctionalInterface
    interface Body {
        /** @param label e.g. {@code warm-up} or {@code 2/3}, for progress and names */
        Run run(String label, int index) throws Exception;
    }

    private PhaseRunner() {
    }

    static PhaseResult measure(BenchContext ctx, String name, String description, Body body) {
        BenchSettings s = ctx.settings();
        List<Double> rates = new ArrayList<>();
        long heap = 0;
        long rss = -1;
        Run last = null;
        String error = null;
        for (int i = 0; i < s.runs(); i++) {
            boolean warmup = s.warmup() && i == 0;
            String label = warmup ? "warm-up" : (i + (s.warmup() ? 0 : 1)) + "/" + s.repeat();
            ctx.checkStop();
            MemoryPeaks.reset();
            Run run;
            try {
                run = body.run(label, i);
            } catch (BenchStopped stop) {
                throw stop;
            } catch (Exception e) {
                error = (warmup ? "warm-up" : "run " + label) + ": " + Causes.message(e);
                ctx.say("%s %s FAILED: %s", name, label, error);
                break;
            }
            heap = Math.max(heap, MemoryPeaks.peakHeapBytes());
            rss = Math.max(rss, MemoryPeaks.peakRssBytes());
            ctx.say("%s %s: %,.0f events/s", name, label, run.eventsPerSecond());
            if (!warmup) {
                rates.add(run.eventsPerSecond());
            }
            last = run;
        }
        long events = s.workload().events();
        long state = last == null ? 0 : last.stateBytes();
        return new PhaseResult(name, description, events, rates.isEmpty() ? null : Throughput.of(rates), null, heap, rss,
                state, state * 1e6 / events, last == null ? Map.of() : last.outcomes(),
                last == null ? List.of() : last.written(), error);
    }

}
