package io.github.escmon.app.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * A served monitor ({@code escmon run}'s HTTP side) on a real broker, fed the seed story in two parts. Every
 * expected number comes from the reference's records for the seed (SCORING.md §6 via refscore.py): the alert
 * transitions, the open alerts after the first part, the score of the last evaluation.
 */
@WithKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class ObservabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    /** The seed story up to and including PAK's strike of 2024-01-19T12:00 (lines 0-8), then the rest. */
    private static final int FIRST_PART = 9;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<JsonNode> goldenScores = Golden.records("/golden/iran-pakistan-2024.scores.jsonl");
    private final List<JsonNode> goldenAlerts = Golden.records("/golden/iran-pakistan-2024.alerts.jsonl");
    private final List<String> seed = Golden.lines(Golden.SEED);

    private Path stateDir;
    private EscmonConfig config;
    private Cluster cluster;
    private ServedMonitor served;
    private IncidentPublisher publisher;
    private String base;

    @BeforeAll
    void start(KafkaCluster kafka) throws Exception {
        stateDir = Files.createTempDirectory("escmon-observability");
        String run = "it-obs-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames t = TopicNames.defaults().withSuffix(run);
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", kafka.bootstrapServers());
        s.put("application.id", "escmon-" + run);
        s.put("state.dir", stateDir.toString());
        s.put("topics.partitions", "3");
        s.put("topics.incidents", t.incidents());
        s.put("topics.dead-letter", t.deadLetter());
        s.put("topics.scores", t.scores());
        s.put("topics.alerts", t.alerts());
        s.put("metrics.kafka-refresh", "1s");
        config = EscmonConfig.load(null, Map.of(), s);
        cluster = Cluster.external(config);
        Backtest.ensureTopics(cluster, config);
        served = ServedMonitor.open(config, new HttpSettings("127.0.0.1", 0, false, null));
        base = "http://" + served.http().authority();
        publisher = new IncidentPublisher(cluster.clientProperties(), t.incidents(), config.scoreParameters().tick());
    }

    @AfterAll
    void stop() throws Exception {
        if (publisher != null) {
            publisher.close();
        }
        if (served != null) {
            served.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private PublishReport publish(List<String> lines) throws Exception {
        PublishReport report = FilePublisher.publish(Sources.open(new BufferedReader(new StringReader(String.join("\n", lines))),
                Format.JSONL, config.sourceSettings()), publisher, null, n -> { });
        var t = config.topics();
        Drain.awaitCommitted(cluster.admin(), served.monitor().applicationId(),
                Drain.endOffsets(cluster.admin(), t.incidents()), List.of(t.scores(), t.alerts(), t.deadLetter()),
                WAIT, served.monitor()::checkHealthy);
        return report;
    }

    private static double sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series + " in the scrape"));
    }

    @Test
    @Order(1)
    void readyFlipsTo200OnceRunning() throws Exception {
        assertEquals(200, get("/health").statusCode());
        assertEquals(503, get("/ready").statusCode(), "not ready before start");
        served.monitor().begin();
        KafkaAwait.until("/ready to answer 200", WAIT, () -> get("/ready").statusCode() == 200);
    }

    @Test
    @Order(2)
    void afterTheFirstPartTheOpenAlertsAndTheWindowAreTheReferences() throws Exception {
        publish(seed.subList(0, FIRST_PART));
        Instant cut = Instant.parse(Golden.parse(seed.get(FIRST_PART - 1)).get("occurredAt").asText());

        // the open alerts: the reference's transitions up to the cut, replayed
        Map<String, String[]> open = new TreeMap<>(); // dyad -> {level, since}
        for (JsonNode a : goldenAlerts) {
            if (Instant.parse(a.get("at").asText()).isAfter(cut)) {
                continue;
            }
            if (a.get("status").asText().equals("RESOLVED")) {
                open.remove(a.get("dyad").asText());
            } else {
                open.put(a.get("dyad").asText(), new String[] {a.get("level").asText(), a.get("since").asText()});
            }
        }
        assertEquals(2, open.size(), "the reference has IRN-IRQ and IRN-PAK open at the cut");

        JsonNode alerts = Golden.parse(get("/alerts").body());
        assertTrue(alerts.get("complete").asBoolean());
        Map<String, String[]> served = new TreeMap<>();
        alerts.get("alerts").forEach(a -> served.put(a.get("dyad").asText(),
                new String[] {a.get("level").asText(), a.get("since").asText()}));
        assertEquals(open.keySet(), served.keySet());
        open.forEach((dyad, ls) -> {
            assertEquals(ls[0], served.get(dyad)[0], dyad + " level");
            assertEquals(Instant.parse(ls[1]), Instant.parse(served.get(dyad)[1]), dyad + " since");
        });
        assertEquals("IRN-PAK", alerts.get("alerts").get(0).get("dyad").asText(), "most severe first");

        // the window: the reference's last score record for IRN-PAK at or before the cut
        JsonNode last = null;
        for (JsonNode s : goldenScores) {
            if (s.get("dyad").asText().equals("IRN-PAK") && !Instant.parse(s.get("at").asText()).isAfter(cut)) {
                last = s;
            }
        }
        assertNotNull(last);
        HttpResponse<String> r = get("/dyads/PAK-IRN"); // either order
        assertEquals(200, r.statusCode(), r.body());
        JsonNode dyad = Golden.parse(r.body());
        assertEquals("IRN-PAK", dyad.get("dyad").asText());
        assertEquals(Instant.parse(last.get("at").asText()), Instant.parse(dyad.get("asOf").asText()));
        for (String field : List.of("score", "raw", "hostilityAB", "hostilityBA", "cooperation", "mutuality")) {
            assertEquals(last.get(field).asDouble(), dyad.get(field).asDouble(), 1e-6, field);
        }
        assertEquals(last.get("exchanges").asInt(), dyad.get("exchangeCount").asInt());
        assertEquals(last.get("exchanges").asInt(), dyad.get("exchanges").size());
        assertEquals(last.get("lastExchange").get("response").asText(),
                dyad.get("exchanges").get(dyad.get("exchanges").size() - 1).get("response").asText());
        assertEquals(last.get("events").asInt(), dyad.get("eventsInWindow").asInt());
        assertEquals("CRITICAL", dyad.get("alert").get("level").asText());
        JsonNode recent = dyad.get("recentEvents");
        assertEquals(Instant.parse("2024-01-19T12:00:00Z"), Instant.parse(recent.get(0).get("occurredAt").asText()), "newest first");
        assertEquals(2, Golden.parse(get("/dyads/IRN-PAK?events=2").body()).get("recentEvents").size());

        String scrape = get("/metrics").body();
        assertEquals(1.0, sample(scrape, "escmon_alerts_open{level=\"CRITICAL\"}"));
        assertEquals(1.0, sample(scrape, "escmon_alerts_open{level=\"WATCH\"}"));
        assertEquals(0.0, sample(scrape, "escmon_alerts_open{level=\"WARNING\"}"));
        assertEquals(last.get("score").asDouble(), sample(scrape, "escmon_dyad_score{dyad=\"IRN-PAK\"}"), 1e-6);
    }

    @Test
    @Order(3)
    void afterTheWholeStoryTheCountsAreTheReferences() throws Exception {
        PublishReport second = publish(seed.subList(FIRST_PART, seed.size()));
        assertEquals(seed.size() - FIRST_PART, second.published());

        String scrape = get("/metrics").body();
        assertEquals(13.0, sample(scrape, "escmon_incidents_total{outcome=\"accepted\"}"));
        for (String outcome : List.of("invalid", "duplicate", "domestic", "late")) {
            assertEquals(0.0, sample(scrape, "escmon_incidents_total{outcome=\"" + outcome + "\"}"), outcome);
        }
        Map<String, Integer> transitions = new LinkedHashMap<>();
        for (String level : List.of("WATCH", "WARNING", "CRITICAL")) {
            for (String status : List.of("FIRING", "RESOLVED")) {
                transitions.put("escmon_alerts_total{level=\"" + level + "\",status=\"" + status + "\"}", 0);
            }
        }
        goldenAlerts.forEach(a -> transitions.merge("escmon_alerts_total{level=\"" + a.get("level").asText()
                + "\",status=\"" + a.get("status").asText() + "\"}", 1, Integer::sum));
        transitions.forEach((series, n) -> assertEquals(n, sample(scrape, series), 0.0, series));

        long ticks = goldenScores.stream().filter(s -> s.get("trigger").asText().equals("tick")).count();
        long events = goldenScores.size() - ticks;
        assertEquals(events, sample(scrape, "escmon_score_records_total{trigger=\"event\"}"), 0.0);
        assertEquals(ticks, sample(scrape, "escmon_score_records_total{trigger=\"tick\"}"), 0.0);
        for (String level : List.of("WATCH", "WARNING", "CRITICAL")) {
            assertEquals(0.0, sample(scrape, "escmon_alerts_open{level=\"" + level + "\"}"), "all resolved at the end");
        }
        assertEquals(goldenAlerts.size(), sample(scrape, "escmon_alert_latency_seconds_count"), 0.0,
                "every alert's cause carried the producer's send time");
        assertEquals(13.0, sample(scrape, "escmon_event_time_lag_seconds_count"));
        assertEquals(13.0, sample(scrape, "escmon_event_time_lag_seconds_bucket{le=\"+Inf\"}"));
        assertEquals(0.0, sample(scrape, "escmon_event_time_lag_seconds_bucket{le=\"86400.0\"}"),
                "events of 2023-2024 are more than a day old");

        JsonNode alerts = Golden.parse(get("/alerts").body());
        assertEquals(0, alerts.get("alerts").size(), "every episode of the story is resolved");
        assertEquals(1, alerts.get("instances").asInt());
    }

    @Test
    @Order(4)
    void badRequestsSayWhy() throws Exception {
        // issue #7, test 6: malformed dyads and parameters are a one-line 400 that shows nothing of the internals
        for (String path : List.of("/dyads/IRN", "/dyads/IRN-IRN", "/dyads/IRN-PAK?events=-1", "/dyads/IRN-PAK?events=1001",
                "/dyads/IRN-PAK?events=x", "/dyads/IRN-PAK-IRQ", "/dyads/" + "A".repeat(40) + "-PAK", "/dyads/IR%00N-PAK",
                "/dyads/%3Cscript%3E-PAK", "/dyads/-", "/dyads/IRN-PAK?events=99999999999999999999")) {
            HttpResponse<String> bad = get(path);
            assertEquals(400, bad.statusCode(), path + ": " + bad.body());
            assertTrue(bad.body().startsWith("{\"error\":"), path + ": " + bad.body());
            assertEquals(1, bad.body().strip().lines().count(), path + ": " + bad.body());
            for (String internal : List.of("Exception", "\tat ", "io.github", "org.apache", "java.")) {
                assertFalse(bad.body().contains(internal), path + " shows " + internal + ": " + bad.body());
            }
        }
        HttpResponse<String> unknown = get("/dyads/USA-ZZZ");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("USA-ZZZ"), unknown.body());
        assertEquals(404, get("/nope").statusCode());
    }
}
