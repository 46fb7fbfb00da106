package io.github.escmon.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.PublishReport;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code escmon produce --http-port}: the producer's rows by outcome and its Kafka client metrics, on a real broker. */
@WithKafka
@Timeout(120)
class ProducerEndpointIT {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String scrape(String authority) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + authority + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void servesRowsByOutcomeAndTheProducersClientMetrics(KafkaCluster kafka) throws Exception {
        TopicNames t = TopicNames.defaults().withSuffix(KafkaCluster.uniqueName("producer-http"));
        EscmonConfig config = EscmonConfig.load(null, Map.of(), Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "topics.incidents", t.incidents(), "topics.dead-letter", t.deadLetter(), "topics.scores", t.scores(),
                "topics.alerts", t.alerts(), "metrics.kafka-refresh", "1s"));
        List<String> lines = new ArrayList<>(Golden.lines(Golden.SEED));
        lines.add("{\"id\":\"u1\",\"occurredAt\":\"2024-01-30T00:00:00Z\",\"source\":\"IRN\",\"cameo\":\"190\"}");
        lines.add("{\"id\":\"bad\",\"occurredAt\":\"2024-01-30T00:00:00Z\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"999\"}");
        try (Cluster cluster = Cluster.external(config);
             ProducerEndpoint endpoint = ProducerEndpoint.open("127.0.0.1", 0, Duration.ofSeconds(1))) {
            Backtest.ensureTopics(cluster, config);
            PublishReport report;
            try (var publisher = new IncidentPublisher(cluster.clientProperties(), t.incidents(), config.scoreParameters().tick())) {
                endpoint.bind(publisher);
                report = FilePublisher.publish(Sources.open(new BufferedReader(new StringReader(String.join("\n", lines))),
                        Format.JSONL, config.sourceSettings()), publisher, null, n -> { });
                endpoint.add(report);
                KafkaAwait.until("the producer's record-send metric", Duration.ofSeconds(30),
                        () -> scrape(endpoint.authority()).contains("kafka_producer_record_send_total{"));
            }
            String scrape = scrape(endpoint.authority());
            assertEquals(13, report.published());
            assertTrue(scrape.contains("escmon_source_rows_total{outcome=\"published\"} 13.0"), scrape);
            assertTrue(scrape.contains("escmon_source_rows_total{outcome=\"unpaired\"} " + (double) report.unpaired()), scrape);
            assertTrue(scrape.contains("escmon_source_rows_total{outcome=\"invalid\"} " + (double) report.invalid()), scrape);
            assertEquals(lines.size(), report.published() + report.unpaired() + report.invalid() + report.heartbeatLines());
            assertTrue(report.unpaired() + report.invalid() == 2, report.toString());
            assertTrue(scrape.contains("jvm_memory_used_bytes"), "JVM metrics");
            assertTrue(!scrape.contains("escmon_incidents_total"), "no monitor metrics in a producer");
        }
        assertNull(ProducerEndpoint.none().authority());
    }
}
