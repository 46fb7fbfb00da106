package io.github.escmon.app.bench;

import java.util.List;
import java.util.Map;

/**
 * One throughput phase.
 *
 * @param name          short name ({@code producer}, {@code ceiling}, {@code monitor-eos}, {@code monitor-alos})
 * @param description   what ran, for the table
 * @param throughput    events per second; null when no measured run completed
 * @param ratioToCeiling median over the ceiling's median; null when either is missing
 * @param peakHeapBytes  highest heap peak of its runs (whole process: broker and producer included)
 * @param peakRssBytes   highest resident set peak of its runs (whole process), -1 when unknown
 * @param stateBytes     Kafka Streams state on disk after the last run (0 for the producer)
 * @param stateBytesPerMillionEvents stateBytes scaled to a million input events
 * @param outcomes       what the application made of the last run's records (monitor: accepted, invalid, ...)
 * @param written        what the last run wrote to Kafka, per output topic and changelog (empty for the producer)
 * @param error          why the phase stopped short, or null
 */
public record PhaseResult(String name, String description, long events, Throughput throughput, Double ratioToCeiling,
                          long peakHeapBytes, long peakRssBytes, long stateBytes, double stateBytesPerMillionEvents,
                          Map<String, Long> outcomes, List<Written> written, String error) {

    PhaseResult withRatio(Double ratio) {
        return new PhaseResult(name, description, events, throughput, ratio, peakHeapBytes, peakRssBytes, stateBytes,
                stateBytesPerMillionEvents, outcomes, written, error);
    }
}
