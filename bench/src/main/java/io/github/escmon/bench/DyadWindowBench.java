package io.github.escmon.bench;

import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.streams.window.WindowEvent;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One hot dyad in steady state: its window holds {@code windowEvents} events spread over W, and every new event
 * pushes the oldest out, as a dyad with that many events in 14 days does. {@code onEvent} is the cost of scoring
 * one incident (insert, expire, evaluate); {@code evaluate} the cost of re-evaluating the full window at a tick.
 * Per-event cost must not grow with the window.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DyadWindowBench {

    private static final int VARIANTS = 4096;

    @Param({"100", "1000", "20000"})
    int windowEvents;

    private final ScoreParameters params = ScoreParameters.defaults();
    private final WindowEvent[] variants = new WindowEvent[VARIANTS];
    private DyadWindow window;
    private long step;
    private long t;
    private int k;

    @Setup(Level.Trial)
    public void fill() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < VARIANTS; i++) {
            boolean hostile = random.nextDouble() < 0.15;
            variants[i] = new WindowEvent("e" + i, 0, random.nextBoolean(), hostile ? 4 + random.nextDouble() * 10 : 0,
                    hostile ? 0 : random.nextDouble() * 4, hostile ? "190" : "042", hostile ? random.nextInt(5) : 0,
                    null, null);
        }
        window = new DyadWindow(new Dyad("AAA", "BBB"));
        step = params.window().toMillis() / windowEvents;
        t = 1_700_000_000_000L;
        for (int i = 0; i < windowEvents; i++) {
            next();
        }
    }

    private DyadScore next() {
        t += step;
        WindowEvent v = variants[k++ & (VARIANTS - 1)];
        WindowEvent e = new WindowEvent(v.id(), t, v.forward(), v.hostility(), v.cooperation(), v.cameo(),
                v.fatalities(), null, null);
        return window.onEvent(e, params).orElseThrow();
    }

    @Benchmark
    public DyadScore onEvent() {
        return next();
    }

    @Benchmark
    public DyadScore evaluate() {
        return window.onTick(t, params);
    }
}
