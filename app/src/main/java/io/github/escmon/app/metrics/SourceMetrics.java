package io.github.escmon.app.metrics;

import io.github.escmon.producer.publish.PublishReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code escmon_source_rows_total{outcome}}: what became of the rows a producer read, the side the monitor never
 * sees: {@code published} incidents, {@code heartbeat} rows, {@code unpaired} rows (no pair of actors) and
 * {@code invalid} rows (in the error report, or the dead-letter topic with {@code --dlq}). Added per published
 * file (or GDELT export).
 */
public final class SourceMetrics {

    public static final String ROWS = "escmon.source.rows";

    private final Counter published;
    private final Counter heartbeat;
    private final Counter unpaired;
    private final Counter invalid;

    public SourceMetrics(MeterRegistry registry) {
        this.published = counter(registry, "published");
        this.heartbeat = counter(registry, "heartbeat");
        this.unpaired = counter(registry, "unpaired");
        this.invalid = counter(registry, "invalid");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(ROWS).description("Rows read by the producer, by what became of them")
                .tag("outcome", outcome).register(registry);
    }

    public void add(PublishReport report) {
        published.increment(report.published());
        heartbeat.increment(report.heartbeatLines());
        unpaired.increment(report.unpaired());
        invalid.increment(report.invalid());
    }
}
