package io.github.escmon.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.Outcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MonitorMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MonitorMetrics metrics = new MonitorMetrics(registry, new AlertParameters(3, 5, 7, 1, java.time.Duration.ofHours(24)));

    @AfterEach
    void close() {
        registry.close();
    }

    private static DyadScore score(String trigger) {
        return new DyadScore("IRN-PAK", "IRN", "PAK", Instant.parse("2024-01-18T01:00:00Z"), trigger, null, 7.5, 0, 0, 0,
                0, 0, 0, 0, null, List.of());
    }

    private static Alert alert(String level, String status) {
        return new Alert("IRN-PAK/x", "IRN-PAK", status, level, "NONE", 7.5, Instant.EPOCH, Instant.EPOCH, false, "",
                null, List.of());
    }

    @Test
    void everySeriesExistsAtZeroBeforeAnythingHappens() {
        String scrape = registry.scrape();
        for (Outcome o : Outcome.values()) {
            assertTrue(scrape.contains("escmon_incidents_total{outcome=\"" + o.name().toLowerCase() + "\"} 0.0"), o.name());
        }
        for (String level : List.of("WATCH", "WARNING", "CRITICAL")) {
            assertTrue(scrape.contains("escmon_alerts_open{level=\"" + level + "\"} 0.0"), level);
            assertTrue(scrape.contains("escmon_alerts_total{level=\"" + level + "\",status=\"FIRING\"} 0.0"), level);
            assertTrue(scrape.contains("escmon_alerts_total{level=\"" + level + "\",status=\"RESOLVED\"} 0.0"), level);
        }
        assertTrue(scrape.contains("escmon_score_records_total{trigger=\"event\"} 0.0"), scrape);
        assertTrue(scrape.contains("escmon_score_records_total{trigger=\"tick\"} 0.0"), scrape);
        assertTrue(scrape.contains("escmon_alert_threshold{level=\"WATCH\"} 3.0"), scrape);
        assertTrue(scrape.contains("escmon_alert_threshold{level=\"WARNING\"} 5.0"), scrape);
        assertTrue(scrape.contains("escmon_alert_threshold{level=\"CRITICAL\"} 7.0"), scrape);
        assertTrue(scrape.contains("escmon_event_time_lag_seconds_count 0"), scrape);
        assertTrue(scrape.contains("escmon_alert_latency_seconds_count 0"), scrape);
    }

    @Test
    void countsOutcomesScoreRecordsAndTransitions() {
        for (int i = 0; i < 13; i++) {
            metrics.incident(Outcome.ACCEPTED, Instant.now().minusSeconds(30));
        }
        metrics.count(Outcome.INVALID);
        metrics.score(score("event"), 0);
        metrics.score(score("tick"), 0);
        metrics.score(score("tick"), 0);
        metrics.alert(alert("CRITICAL", "FIRING"), System.currentTimeMillis() - 200);
        metrics.alert(alert("WATCH", "RESOLVED"), null);
        String scrape = registry.scrape();
        assertTrue(scrape.contains("escmon_incidents_total{outcome=\"accepted\"} 13.0"), scrape);
        assertTrue(scrape.contains("escmon_incidents_total{outcome=\"invalid\"} 1.0"), scrape);
        assertTrue(scrape.contains("escmon_score_records_total{trigger=\"event\"} 1.0"), scrape);
        assertTrue(scrape.contains("escmon_score_records_total{trigger=\"tick\"} 2.0"), scrape);
        assertTrue(scrape.contains("escmon_alerts_total{level=\"CRITICAL\",status=\"FIRING\"} 1.0"), scrape);
        assertTrue(scrape.contains("escmon_alerts_total{level=\"WATCH\",status=\"RESOLVED\"} 1.0"), scrape);
        // 13 incidents about 30 s old: all above the 10 s bucket, all within the 1 min one
        assertTrue(scrape.contains("escmon_event_time_lag_seconds_bucket{le=\"10.0\"} 0"), scrape);
        assertTrue(scrape.contains("escmon_event_time_lag_seconds_bucket{le=\"60.0\"} 13"), scrape);
        // one alert with a send time about 200 ms earlier; the other had none and is not timed
        assertTrue(scrape.contains("escmon_alert_latency_seconds_count 1"), scrape);
        assertTrue(scrape.contains("escmon_alert_latency_seconds_bucket{le=\"0.1\"} 0"), scrape);
        assertTrue(scrape.contains("escmon_alert_latency_seconds_bucket{le=\"60.0\"} 1"), scrape);
    }

    @Test
    void theScoreBoardKeepsTheHighestAndDropsPartitionsThatLeft() {
        DyadScoreBoard board = new DyadScoreBoard();
        for (int i = 0; i < 30; i++) {
            board.put(String.format("A%02d-B%02d", i, i), i / 3.0, i % 3);
        }
        board.put("ZERO-ZZZ", 0.0, 0);
        var top = board.top(MonitorMetrics.TOP_DYADS);
        assertEquals(20, top.size());
        assertEquals("A29-B29", top.get(0).getKey());
        assertEquals("A10-B10", top.get(19).getKey());
        board.putIfAbsent("A29-B29", 0.5, 2);
        assertEquals(29 / 3.0, board.score("A29-B29"), "a newer score is not replaced by a stored one");
        board.retainPartitions(java.util.Set.of(0));
        assertEquals(11, board.size(), "A00, A03, ... A27 and ZERO-ZZZ are on partition 0");
        assertTrue(board.top(50).stream().noneMatch(e -> e.getKey().equals("ZERO-ZZZ")), "a zero score has no series");
    }
}
