package io.github.escmon.app.bench;

/**
 * Alert latency under a steady load: for each alert, the time a read_committed consumer read it minus the
 * {@code escmon.produced-at} time of the record that caused it.
 *
 * @param ratePerSecond  the paced publishing rate
 * @param seconds        how long it published
 * @param published      records published
 * @param alerts         alerts read that carried the header
 * @param p50Millis      null when no alert was read
 * @param backlog        input records the monitor had not committed when the phase ended (0: it kept up)
 * @param error          why the phase stopped short, or null
 */
public record LatencyResult(double ratePerSecond, int seconds, long published, long alerts, Long p50Millis,
                            Long p99Millis, Long maxMillis, long backlog, String error) {
}
