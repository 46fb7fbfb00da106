package io.github.escmon.app.docker;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The Prometheus series names the Grafana dashboard ({@code docker/grafana/dashboards/escmon.json}) reads, as
 * escmon's {@code /metrics} must name them: the dashboard reads exactly these ({@link DockerStackFilesTest}), and a
 * scrape of a running escmon can be held to them.
 */
final class MetricContract {

    /** Served by {@code escmon produce}: what became of each row of its source. */
    static final Set<String> PRODUCER = Set.of("escmon_source_rows_total");

    /** Served by {@code escmon run}. */
    static final Set<String> MONITOR = Set.of(
            "escmon_incidents_total",
            "escmon_score_records_total",
            "escmon_alerts_total",
            "escmon_alerts_open",
            "escmon_dyad_score",
            "escmon_alert_threshold",
            "escmon_event_time_lag_seconds_bucket",
            "escmon_alert_latency_seconds_bucket",
            "kafka_stream_thread_process_rate",
            "kafka_stream_thread_process_latency_avg",
            "kafka_stream_task_dropped_records_total",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_lag",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "jvm_gc_pause_seconds_count");

    /** All of them. */
    static final Set<String> NAMES = union(MONITOR, PRODUCER);

    private MetricContract() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
