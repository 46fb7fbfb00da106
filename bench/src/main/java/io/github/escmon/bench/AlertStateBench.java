package io.github.escmon.bench;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.alerts.levels.DyadAlertState;
import io.github.escmon.events.DyadScore;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The alert state machine's step per score record, over a score series that wanders across the thresholds (so
 * that raises, holds, calm periods and step-downs all happen), one tick an hour.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AlertStateBench {

    private static final int SERIES = 4096;

    private final AlertParameters params = AlertParameters.defaults();
    private final DyadScore[] scores = new DyadScore[SERIES];
    private DyadAlertState state = DyadAlertState.NONE;
    private int k;

    @Setup
    public void series() {
        SplittableRandom random = new SplittableRandom(7);
        double s = 0;
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < SERIES; i++) {
            s = Math.max(0, Math.min(10, s + random.nextGaussian() * 0.8));
            t = t.plusSeconds(3600);
            scores[i] = new DyadScore("AAA-BBB", "AAA", "BBB", t, random.nextInt(4) == 0 ? DyadScore.EVENT : DyadScore.TICK,
                    null, s, s * 4, s * 2, s * 2, 0, 0.5, 1, 10, null, List.of());
        }
    }

    @Benchmark
    public DyadAlertState.Step onScore() {
        DyadAlertState.Step step = state.onScore(scores[k++ & (SERIES - 1)], params);
        state = step.next();
        return step;
    }
}
