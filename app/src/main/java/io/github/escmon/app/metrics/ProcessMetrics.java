package io.github.escmon.app.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One process's meters in a {@link PrometheusMeterRegistry}: JVM and process binders, and the metrics of the
 * Kafka clients it binds ({@link KafkaStreamsMetrics} for a Streams instance, which covers its producer,
 * consumers and admin client; {@link KafkaClientMetrics} for a plain producer). Kafka's metrics are re-read every
 * {@code kafkaRefresh}, so that task and partition metrics created after start appear. Closing it closes every
 * binder and the registry.
 */
public final class ProcessMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService kafkaRefresher;
    private final Duration kafkaRefresh;

    public ProcessMetrics(Duration kafkaRefresh) {
        this.kafkaRefresh = kafkaRefresh;
        this.kafkaRefresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "escmon-metrics-refresh");
            t.setDaemon(true);
            return t;
        });
        JvmGcMetrics gc = new JvmGcMetrics();
        binders.add(gc);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Binds a Kafka Streams instance's metrics (its embedded producer, consumers and admin client included). */
    public synchronized void bindStreams(KafkaStreams streams) {
        KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams, Tags.empty(), kafkaRefresher, kafkaRefresh);
        binders.add(m);
        m.bindTo(registry);
    }

    /** Binds a producer's client metrics ({@code kafka_producer_*}). */
    public synchronized void bindProducer(Producer<?, ?> producer) {
        KafkaClientMetrics m = new KafkaClientMetrics(producer, Tags.empty(), kafkaRefresher, kafkaRefresh);
        binders.add(m);
        m.bindTo(registry);
    }

    /** Runs {@code task} before every scrape (gauges computed from state). */
    public void beforeScrape(Runnable task) {
        beforeScrape.add(task);
    }

    /** The registry in the Prometheus text format, after the {@link #beforeScrape} tasks. */
    public String scrape() {
        beforeScrape.forEach(Runnable::run);
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception e) {
                // closing metrics must not stop a shutdown
            }
        }
        kafkaRefresher.shutdownNow();
        registry.close();
    }
}
