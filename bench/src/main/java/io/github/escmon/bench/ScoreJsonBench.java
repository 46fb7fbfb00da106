package io.github.escmon.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import io.github.escmon.events.Json;
import io.github.escmon.events.ScoreJson;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One score record (three events of evidence, a tit-for-tat exchange) to JSON bytes: Jackson's data-binding, the
 * baseline, against {@link ScoreJson}'s streaming writer, which gives the same bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoreJsonBench {

    private final ObjectWriter writer = Json.MAPPER.writerFor(DyadScore.class);
    private final DyadScore score = new DyadScore("IRN-PAK", "IRN", "PAK", Instant.parse("2024-01-18T01:00:00Z"),
            DyadScore.EVENT, "gdelt-1187716541", 7.693912384, 58.68131927, 11.38530012, 24.97511876, 0.8995120031,
            0.6261897723, 2, 4,
            new Exchange("gdelt-1187716100", "gdelt-1187716541", "PAK", "IRN", 32.0, 1.388552),
            List.of(new Evidence("gdelt-1187716541", Instant.parse("2024-01-18T01:00:00Z"), "PAK", "IRN", "195", 9,
                            14.2210091, null, null),
                    new Evidence("gdelt-1187716100", Instant.parse("2024-01-16T17:00:00Z"), "IRN", "PAK", "195", 2,
                            8.731200912, null, null),
                    new Evidence("gdelt-1187715002", Instant.parse("2024-01-16T11:15:00Z"), "IRN", "PAK", "190", 0,
                            2.6543381, null, null)));

    @Benchmark
    public byte[] dataBinding() throws JsonProcessingException {
        return writer.writeValueAsBytes(score);
    }

    @Benchmark
    public byte[] streaming() {
        return ScoreJson.toBytes(score);
    }
}
