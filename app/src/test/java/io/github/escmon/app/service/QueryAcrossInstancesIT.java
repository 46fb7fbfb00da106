package io.github.escmon.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of one application share six partitions; each answers {@code /dyads/{dyad}} and {@code /alerts}
 * for every dyad, passing requests for dyads it does not hold to the instance that does (Streams metadata).
 */
@WithKafka
@Timeout(300)
class QueryAcrossInstancesIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Hostile pairs beside the seed story's, so that both instances surely hold some dyads. */
    private static final int EXTRA_DYADS = 16;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path stateDir;

    private EscmonConfig config(KafkaCluster kafka, String run, String instance) {
        TopicNames t = TopicNames.defaults().withSuffix(run);
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", kafka.bootstrapServers());
        s.put("application.id", "escmon-" + run);
        s.put("state.dir", stateDir.resolve(instance).toString());
        s.put("topics.partitions", "6");
        s.put("topics.incidents", t.incidents());
        s.put("topics.dead-letter", t.deadLetter());
        s.put("topics.scores", t.scores());
        s.put("topics.alerts", t.alerts());
        return EscmonConfig.load(null, Map.of(), s);
    }

    private JsonNode get(String authority, String path, int expectedStatus) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://" + authority + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, r.statusCode(), path + " on " + authority + ": " + r.body());
        return Golden.parse(r.body());
    }

    private static List<String> story() {
        List<String> lines = new ArrayList<>(Golden.lines(Golden.SEED));
        for (int i = 0; i < EXTRA_DYADS; i++) {
            lines.add(String.format("{\"id\":\"x-%02d\",\"occurredAt\":\"2024-01-29T09:%02d:00Z\",\"source\":\"X%02d\","
                    + "\"target\":\"Y%02d\",\"cameo\":\"190\",\"fatalities\":3}", i, i, i, i));
        }
        return lines;
    }

    @Test
    void everyInstanceAnswersForEveryDyad(KafkaCluster kafka) throws Exception {
        String run = "it-iq-" + UUID.randomUUID().toString().substring(0, 8);
        EscmonConfig one = config(kafka, run, "one");
        try (Cluster cluster = Cluster.external(one)) {
            Backtest.ensureTopics(cluster, one);
            try (ServedMonitor a = ServedMonitor.open(one, new HttpSettings("127.0.0.1", 0, false, null));
                 ServedMonitor b = ServedMonitor.open(config(kafka, run, "two"), new HttpSettings("127.0.0.1", 0, false, null))) {
                a.monitor().begin();
                b.monitor().begin();
                KafkaAwait.until("both instances to hold partitions", WAIT, () ->
                        a.monitor().awaitRunning(Duration.ZERO) && b.monitor().awaitRunning(Duration.ZERO)
                                && !a.monitor().localPartitions().isEmpty() && !b.monitor().localPartitions().isEmpty()
                                && a.monitor().localPartitions().size() + b.monitor().localPartitions().size() == 6);

                try (var publisher = new IncidentPublisher(cluster.clientProperties(), one.topics().incidents(),
                        one.scoreParameters().tick())) {
                    FilePublisher.publish(Sources.open(new BufferedReader(new StringReader(String.join("\n", story()))),
                            Format.JSONL, one.sourceSettings()), publisher, null, n -> { });
                }
                var t = one.topics();
                Drain.awaitCommitted(cluster.admin(), a.monitor().applicationId(), Drain.endOffsets(cluster.admin(), t.incidents()),
                        List.of(t.scores(), t.alerts(), t.deadLetter()), WAIT, () -> {
                            a.monitor().checkHealthy();
                            b.monitor().checkHealthy();
                        });

                List<String> dyads = new ArrayList<>(List.of("IRN-IRQ", "IRN-JAD", "IRN-PAK"));
                for (int i = 0; i < EXTRA_DYADS; i++) {
                    dyads.add(String.format("X%02d-Y%02d", i, i));
                }
                String authA = a.http().authority();
                String authB = b.http().authority();
                Set<String> servers = new HashSet<>();
                int forwarded = 0;
                for (String dyad : dyads) {
                    JsonNode fromA = get(authA, "/dyads/" + dyad, 200);
                    JsonNode fromB = get(authB, "/dyads/" + dyad, 200);
                    assertEquals(fromA, fromB, dyad + ": both instances give the same answer");
                    assertEquals(dyad, fromA.get("dyad").asText());
                    String server = fromA.get("servedBy").asText();
                    servers.add(server);
                    forwarded += server.equals(authA) ? 0 : 1;
                    forwarded += server.equals(authB) ? 0 : 1;
                }
                assertEquals(Set.of(authA, authB), servers, "each instance holds some of the dyads");
                assertEquals(dyads.size(), forwarded, "each dyad was answered once locally and once passed on");

                // each extra dyad is one CAMEO 190 act with 3 deaths: refscore.py scores it 3.45, an open WATCH alert
                JsonNode fromA = get(authA, "/alerts", 200);
                JsonNode fromB = get(authB, "/alerts", 200);
                assertEquals(fromA.get("alerts"), fromB.get("alerts"));
                assertTrue(fromA.get("complete").asBoolean());
                assertEquals(2, fromA.get("instances").asInt());
                Set<String> open = new HashSet<>();
                Set<String> holders = new HashSet<>();
                fromA.get("alerts").forEach(x -> {
                    open.add(x.get("dyad").asText());
                    holders.add(x.get("servedBy").asText());
                });
                assertEquals(EXTRA_DYADS, open.size(), "the seed story's episodes are all resolved: " + open);
                for (int i = 0; i < EXTRA_DYADS; i++) {
                    assertTrue(open.contains(String.format("X%02d-Y%02d", i, i)), open.toString());
                }
                fromA.get("alerts").forEach(x -> {
                    assertEquals("WATCH", x.get("level").asText());
                    assertEquals(3.451092133184699, x.get("score").asDouble(), 1e-6);
                });
                assertEquals(Set.of(authA, authB), holders, "open alerts come from both instances");
            }
        }
    }
}
