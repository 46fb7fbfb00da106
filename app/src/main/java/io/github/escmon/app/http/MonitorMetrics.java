package io.github.escmon.app.http;

import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.streams.Outcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Locale;

/**
 * The monitor's meters in one {@link PrometheusMeterRegistry}: JVM and process binders, the Kafka Streams client
 * metrics of the monitor's {@code KafkaStreams}, and escmon's own. Closing it closes the binders that hold resources
 * (GC listeners, the Kafka metrics refresh) and the registry. Every label has a bounded set of values.
 */
public final class MonitorMetrics implements AutoCloseable {

    /** {@code escmon_incidents_total{outcome}}: what became of each record read from {@code incidents}. */
    public static final String INCIDENTS = "escmon.incidents";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final KafkaStreamsMetrics streams;

    private MonitorMetrics(PrometheusMeterRegistry registry, JvmGcMetrics gc, KafkaStreamsMetrics streams) {
        this.registry = registry;
        this.gc = gc;
        this.streams = streams;
    }

    /** Binds everything to a new registry; the caller closes the result before (or with) the monitor. */
    public static MonitorMetrics bind(Monitor monitor) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JvmGcMetrics gc = new JvmGcMetrics();
        KafkaStreamsMetrics streams = new KafkaStreamsMetrics(monitor.streams());
        try {
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            streams.bindTo(registry);
            bindOutcomes(registry, monitor.outcomes());
        } catch (RuntimeException e) {
            streams.close();
            gc.close();
            registry.close();
            throw e;
        }
        return new MonitorMetrics(registry, gc, streams);
    }

    /**
     * One counter per {@link Outcome}, read from the tallies {@code counts} keeps (fed by the stream thread through
     * {@link Outcome.Listener}), so the stream thread pays nothing extra for metrics.
     */
    public static void bindOutcomes(MeterRegistry registry, OutcomeCounts counts) {
        for (Outcome outcome : Outcome.values()) {
            FunctionCounter.builder(INCIDENTS, counts, c -> c.get(outcome))
                    .description("Records read from the incidents topic, by what became of them")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        streams.close();
        gc.close();
        registry.close();
    }
}
