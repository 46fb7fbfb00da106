package io.github.escmon.app.bench;

import java.util.List;

/**
 * Alert latency under a steady load: for each alert, the time a read_committed consumer read it minus the
 * {@code escmon.produced-at} time of the record that caused it; and, to tell processing from committing, the
 * time the monitor sent it to its sink minus the same.
 *
 * @param ratePerSecond  the paced publishing rate
 * @param seconds        how long it published, measured
 * @param warmupSeconds  how long it published before that, uncounted
 * @param published      records published, the warm-up's included
 * @param alerts         measured alerts read that carried the header
 * @param p50Millis      null when no alert was read
 * @param sinkP50Millis  to the sink (processed, not yet committed); null when none
 * @param backlog        input records the monitor had not committed when the phase ended (0: it kept up)
 * @param error          why the phase stopped short, or null
 */
public record LatencyResult(double ratePerSecond, int seconds, int warmupSeconds, long published, long alerts,
                            Long p50Millis, Long p99Millis, Long maxMillis,
                            Long sinkP50Millis, Long sinkP99Millis, Long sinkMaxMillis, long backlog, String error) {

    /** From sorted latencies read and sorted latencies to the sink. */
    static LatencyResult of(double rate, int seconds, int warmupSeconds, long published, List<Long> read,
                            List<Long> atSink, long backlog, String error) {
        return new LatencyResult(rate, seconds, warmupSeconds, published, read.size(),
                pct(read, 50), pct(read, 99), last(read), pct(atSink, 50), pct(atSink, 99), last(atSink), backlog, error);
    }

    /** A phase that failed before measuring. */
    static LatencyResult failed(double rate, int seconds, String error) {
        return of(rate, seconds, 0, 0, List.of(), List.of(), 0, error);
    }

    private static Long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? null : AlertLatency.percentile(sorted, p);
    }

    private static Long last(List<Long> sorted) {
        return sorted.isEmpty() ? null : sorted.get(sorted.size() - 1);
    }
}
