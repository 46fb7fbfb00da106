package io.github.escmon.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.streams.Outcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MonitorMetricsTest {

    @Test
    void incidentsByOutcomeFollowTheTallies() {
        OutcomeCounts counts = new OutcomeCounts();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            MonitorMetrics.bindOutcomes(registry, counts);
            for (int i = 0; i < 13; i++) {
                counts.count(Outcome.ACCEPTED);
            }
            counts.count(Outcome.LATE);
            String scrape = registry.scrape();
            assertTrue(scrape.contains("escmon_incidents_total{outcome=\"accepted\"} 13.0"), scrape);
            assertTrue(scrape.contains("escmon_incidents_total{outcome=\"late\"} 1.0"), scrape);
            for (String o : new String[] {"invalid", "duplicate", "domestic"}) {
                assertTrue(scrape.contains("escmon_incidents_total{outcome=\"" + o + "\"} 0.0"), scrape);
            }
            assertEquals(Outcome.values().length, registry.find(MonitorMetrics.INCIDENTS).counters().size()
                    + registry.find(MonitorMetrics.INCIDENTS).functionCounters().size(), "one series per outcome");
            assertEquals(14, counts.total(), "the tallies are unchanged");
        } finally {
            registry.close();
        }
    }
}
