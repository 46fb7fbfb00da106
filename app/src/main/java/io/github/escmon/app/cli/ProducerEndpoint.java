package io.github.escmon.app.cli;

import io.github.escmon.app.http.MonitorHttpServer;
import io.github.escmon.app.http.Reply;
import io.github.escmon.app.http.Routes;
import io.github.escmon.app.metrics.ProcessMetrics;
import io.github.escmon.app.metrics.SourceMetrics;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code escmon produce --http-port}: {@code /health} and {@code /metrics} of a producer (JVM, its Kafka producer's
 * client metrics, {@code escmon_source_rows_total{outcome}}), for a long-running {@code --gdelt-follow}. Absent
 * (every call a no-op) without {@code --http-port}.
 */
final class ProducerEndpoint implements AutoCloseable {

    private final ProcessMetrics process;
    private final SourceMetrics rows;
    private final MonitorHttpServer http;

    private ProducerEndpoint(ProcessMetrics process, SourceMetrics rows, MonitorHttpServer http) {
        this.process = process;
        this.rows = rows;
        this.http = http;
    }

    static ProducerEndpoint none() {
        return new ProducerEndpoint(null, null, null);
    }

    static ProducerEndpoint open(String bind, int port, Duration kafkaRefresh) throws IOException {
        MonitorHttpServer http = MonitorHttpServer.start(bind, port);
        ProcessMetrics process = new ProcessMetrics(kafkaRefresh);
        http.serve(new Routes()
                .get("/health", r -> Reply.text(200, "UP"))
                .get("/metrics", r -> new Reply(200, Reply.PROMETHEUS_TEXT, process.scrape())));
        System.out.println("HTTP: http://" + http.authority() + "/metrics, /health");
        return new ProducerEndpoint(process, new SourceMetrics(process.registry()), http);
    }

    /** host:port of the HTTP server, or null when there is none. */
    String authority() {
        return http == null ? null : http.authority();
    }

    void bind(IncidentPublisher publisher) {
        if (process != null) {
            process.bindProducer(publisher.client());
        }
    }

    void add(PublishReport report) {
        if (rows != null) {
            rows.add(report);
        }
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
            process.close();
        }
    }
}
