package io.github.escmon.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.testkit.KafkaAwait;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A monitor on a real broker with its HTTP server: readiness, health and the metrics of the seed story. */
@WithKafka
@Timeout(180)
class MonitorHttpIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path stateDir;

    private EscmonConfig config(KafkaCluster kafka) {
        String run = "it-http-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames t = TopicNames.defaults().withSuffix(run);
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", kafka.bootstrapServers());
        s.put("application.id", "escmon-" + run);
        s.put("state.dir", stateDir.resolve(run).toString());
        s.put("topics.partitions", "3");
        s.put("topics.incidents", t.incidents());
        s.put("topics.dead-letter", t.deadLetter());
        s.put("topics.scores", t.scores());
        s.put("topics.alerts", t.alerts());
        return EscmonConfig.load(null, Map.of(), s);
    }

    private HttpResponse<String> send(MonitorHttpServer http, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + http.authority() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSeedStoryShowsInMetricsOnceReady(KafkaCluster kafka) throws Exception {
        EscmonConfig config = config(kafka);
        try (Cluster cluster = Cluster.external(config)) {
            Backtest.ensureTopics(cluster, config);
            try (Monitor monitor = new Monitor(config);
                 MonitorMetrics metrics = MonitorMetrics.bind(monitor);
                 MonitorHttpServer http = MonitorHttpServer.start("127.0.0.1", 0, monitor::state, metrics.registry())) {
                HttpResponse<String> before = send(http, "GET", "/ready");
                assertEquals(503, before.statusCode(), "not ready before start");
                assertTrue(before.body().contains("CREATED"), before.body());
                assertEquals(200, send(http, "GET", "/health").statusCode(), "alive before ready");

                monitor.begin();
                KafkaAwait.until("/ready to answer 200", WAIT, () -> send(http, "GET", "/ready").statusCode() == 200);

                Backtest.publishAndDrain(cluster, config, monitor,
                        Sources.open(new BufferedReader(new StringReader(String.join("\n", Golden.lines(Golden.SEED)))),
                                Format.JSONL, config.sourceSettings()),
                        WAIT, n -> { });

                String accepted = "escmon_incidents_total{outcome=\"accepted\"} 13.0";
                KafkaAwait.until("/metrics to show " + accepted, WAIT,
                        () -> send(http, "GET", "/metrics").body().contains(accepted));
                HttpResponse<String> scrape = send(http, "GET", "/metrics");
                assertEquals(200, scrape.statusCode());
                String body = scrape.body();
                for (String outcome : new String[] {"invalid", "duplicate", "domestic", "late"}) {
                    assertTrue(body.contains("escmon_incidents_total{outcome=\"" + outcome + "\"} 0.0"), outcome);
                }
                assertTrue(body.lines().anyMatch(l -> l.startsWith("kafka_stream_")), "Kafka Streams metrics");
                assertTrue(body.lines().anyMatch(l -> l.startsWith("jvm_memory_used_bytes")), "JVM metrics");
                assertTrue(body.lines().anyMatch(l -> l.startsWith("process_uptime_seconds")), "process metrics");
                assertTrue(body.lines().anyMatch(l -> l.startsWith("system_cpu_count")), "processor metrics");

                assertEquals(200, send(http, "GET", "/health").statusCode());
                assertEquals(200, send(http, "GET", "/ready").statusCode());
                assertEquals(404, send(http, "GET", "/dyads/NOPE").statusCode());
                assertEquals(405, send(http, "POST", "/metrics").statusCode());
                assertEquals(405, send(http, "DELETE", "/ready").statusCode());
            }
        }
    }
}
