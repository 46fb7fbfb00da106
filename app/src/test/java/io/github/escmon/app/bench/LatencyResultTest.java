package io.github.escmon.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyResultTest {

    @Test
    void theWarmUpsAlertsAreLeftOutOfTheMeasuredLatencies() {
        // produced at 1,000..1,009 ms; the first five (the warm-up) took 2 s, the rest 10..14 ms
        List<long[]> pairs = LongStream.range(0, 10)
                .mapToObj(i -> new long[] {1_000 + i, i < 5 ? 2_000 : 10 + (i - 5)})
                .toList();
        assertEquals(List.of(10L, 11L, 12L, 13L, 14L), AlertLatency.sorted(pairs, 1_005));
        assertEquals(10, AlertLatency.sorted(pairs, 0).size());
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> read = LongStream.rangeClosed(1, 200).boxed().toList();
        LatencyResult r = LatencyResult.of(5_000, 30, 10, 200_000, read, List.of(3L, 4L, 5L), 0, null);
        assertEquals(200, r.alerts());
        assertEquals(100L, r.p50Millis());   // ceil(0.50 * 200) = 100th value
        assertEquals(198L, r.p99Millis());   // ceil(0.99 * 200) = 198th value
        assertEquals(200L, r.maxMillis());
        assertEquals(4L, r.sinkP50Millis()); // ceil(0.50 * 3) = 2nd value
        assertEquals(5L, r.sinkP99Millis());
        assertEquals(5L, r.sinkMaxMillis());
    }

    @Test
    void aPhaseWithoutAlertsHasNoPercentiles() {
        LatencyResult r = LatencyResult.failed(5_000, 30, "no broker");
        assertEquals(0, r.alerts());
        assertNull(r.p99Millis());
        assertNull(r.sinkMaxMillis());
        assertEquals("no broker", r.error());
    }
}
