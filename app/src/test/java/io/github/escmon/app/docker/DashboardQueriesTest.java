package io.github.escmon.app.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DashboardQueriesTest {

    private static void assertNames(Set<String> expected, String expr) {
        assertEquals(expected, DashboardQueries.metricNames(expr), expr);
    }

    @Test
    void readsTheMetricUnderARateWithMatchersAndAGrafanaInterval() {
        assertNames(Set.of("escmon_incidents_total"),
                "sum by (outcome) (rate(escmon_incidents_total{instance=~\"$instance\"}[$__rate_interval]))");
    }

    @Test
    void readsTheBucketsOfAHistogramQuantileButNotItsGroupingLabelOrQuantile() {
        assertNames(Set.of("escmon_alert_latency_seconds_bucket"),
                "histogram_quantile(0.95, sum by (le) (rate(escmon_alert_latency_seconds_bucket{job=\"escmon\"}[5m])))");
    }

    @Test
    void readsBothSidesOfABinaryOperationWithVectorMatching() {
        assertNames(Set.of("http_requests_total", "instance_info"),
                "sum(rate(http_requests_total[1m])) by (instance) / on(instance) group_left(version) instance_info");
    }

    @Test
    void readsBareSelectorsAndSkipsKeywords() {
        assertNames(Set.of("up", "node_load1"),
                "up == bool 1 unless ignoring(job) node_load1 offset 5m and up > Inf");
    }

    @Test
    void skipsIdentifiersAndBracesInsideStrings() {
        assertNames(Set.of("kube_pod_info"),
                "label_replace(kube_pod_info{pod=~\"a}b{c\"}, \"dst\", \"$1 other_word\", 'src', \"(.*)\")");
    }

    @Test
    void keepsRecordingRuleNamesWithColons() {
        assertNames(Set.of("job:escmon_incidents:rate5m"),
                "sum without (instance, job) (job:escmon_incidents:rate5m)");
    }

    @Test
    void skipsNumbersDurationsSubqueriesAndGrafanaVariables() {
        assertNames(Set.of("a_total", "b"),
                "max_over_time(rate(a_total[$__rate_interval])[1h:5m]) * 1e-3 + 0x1F > ${threshold} or b[[suffix]]");
    }

    @Test
    void aQueryOfFunctionsAloneReadsNoMetric() {
        assertNames(Set.of(), "vector(1) + time() - scalar(vector(2))");
    }

    @Test
    void readsTheMetricOfLabelValuesButNotItsLabel() {
        assertNames(Set.of("escmon_dyad_score"), "label_values(escmon_dyad_score{job=\"escmon\"}, dyad)");
        assertNames(Set.of(), "label_values(instance)");
    }

    @Test
    void collectsTheExprOfTargetsInRowsAndOfAnnotationsButNotOfVariables(@TempDir Path dir) throws Exception {
        Path dashboard = dir.resolve("dashboard.json");
        Files.writeString(dashboard, """
                {
                  "annotations": {"list": [{"name": "alerts", "expr": "increase(alerts_total[1m]) > 0"}]},
                  "templating": {"list": [{"name": "i", "query": "label_values(variable_only_metric, instance)"}]},
                  "panels": [
                    {"type": "timeseries", "targets": [{"expr": "rate(a_total[5m])"}, {"expr": "b_gauge"}]},
                    {"type": "row", "collapsed": true, "panels": [
                      {"type": "stat", "targets": [{"expr": "sum by (level) (c_open{x=\\"y\\"})", "legendFormat": "d_legend"}]}
                    ]}
                  ]
                }
                """);
        assertEquals(Set.of("alerts_total", "a_total", "b_gauge", "c_open"), DashboardQueries.metricNames(dashboard));
    }
}
