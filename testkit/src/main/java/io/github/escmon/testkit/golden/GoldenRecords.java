package io.github.escmon.testkit.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares records with the reference's: the SCORING.md contract fields, numbers to 1e-6, per dyad in order
 * (the order across dyads depends on partitioning; within a dyad it may not).
 */
public final class GoldenRecords {

    public static final double TOLERANCE = 1e-6;

    private static final List<String> SCORE_EXACT = List.of("dyad", "a", "b", "at", "trigger", "eventId", "exchanges", "events");
    private static final List<String> SCORE_NUMBERS = List.of("score", "raw", "hostilityAB", "hostilityBA", "cooperation", "mutuality");
    private static final List<String> EXCHANGE_EXACT = List.of("provocation", "response", "from", "to");
    private static final List<String> EXCHANGE_NUMBERS = List.of("lagHours", "ratio");
    private static final List<String> ALERT_EXACT = List.of("alertId", "dyad", "status", "level", "previousLevel", "at", "since", "titForTat");

    private GoldenRecords() {
    }

    public static void assertScoresMatch(List<JsonNode> expected, List<JsonNode> actual) {
        assertMatch("score", expected, actual, (e, a, where) -> {
            exact(e, a, SCORE_EXACT, where);
            numbers(e, a, SCORE_NUMBERS, where);
            JsonNode ex = e.get("lastExchange");
            JsonNode ax = a.get("lastExchange");
            if (ex == null || ex.isNull()) {
                if (ax != null && !ax.isNull()) {
                    fail(where + ": expected no lastExchange, got " + ax);
                }
            } else {
                if (ax == null || ax.isNull()) {
                    fail(where + ": expected lastExchange " + ex + ", got none");
                }
                exact(ex, ax, EXCHANGE_EXACT, where + ".lastExchange");
                numbers(ex, ax, EXCHANGE_NUMBERS, where + ".lastExchange");
            }
        });
    }

    public static void assertAlertsMatch(List<JsonNode> expected, List<JsonNode> actual) {
        assertMatch("alert", expected, actual, (e, a, where) -> {
            exact(e, a, ALERT_EXACT, where);
            numbers(e, a, List.of("score"), where);
        });
    }

    private interface RecordCheck {
        void check(JsonNode expected, JsonNode actual, String where);
    }

    private static void assertMatch(String kind, List<JsonNode> expected, List<JsonNode> actual, RecordCheck check) {
        Map<String, List<JsonNode>> e = byDyad(expected);
        Map<String, List<JsonNode>> a = byDyad(actual);
        assertEquals(e.keySet(), a.keySet(), kind + " records: the dyads differ");
        for (String dyad : e.keySet()) {
            List<JsonNode> es = e.get(dyad);
            List<JsonNode> as = a.get(dyad);
            int n = Math.min(es.size(), as.size());
            for (int i = 0; i < n; i++) {
                check.check(es.get(i), as.get(i), kind + " #" + i + " of " + dyad + " (expected " + es.get(i) + ")");
            }
            assertEquals(es.size(), as.size(), kind + " records of " + dyad + ": count differs");
        }
        assertEquals(expected.size(), actual.size(), kind + " records: total count differs");
    }

    private static Map<String, List<JsonNode>> byDyad(List<JsonNode> records) {
        Map<String, List<JsonNode>> m = new LinkedHashMap<>();
        for (JsonNode r : records) {
            m.computeIfAbsent(r.get("dyad").asText(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static void exact(JsonNode e, JsonNode a, List<String> fields, String where) {
        for (String f : fields) {
            JsonNode ev = e.get(f);
            JsonNode av = a.get(f);
            boolean bothNull = (ev == null || ev.isNull()) && (av == null || av.isNull());
            if (!bothNull && (ev == null || av == null || !ev.asText().equals(av.asText()))) {
                fail(where + ": " + f + " expected " + ev + " but was " + av);
            }
        }
    }

    private static void numbers(JsonNode e, JsonNode a, List<String> fields, String where) {
        for (String f : fields) {
            if (a.get(f) == null || !a.get(f).isNumber()) {
                fail(where + ": " + f + " missing or not a number: " + a.get(f));
            }
            double ev = e.get(f).asDouble();
            double av = a.get(f).asDouble();
            if (Math.abs(ev - av) > TOLERANCE) {
                fail(where + ": " + f + " expected " + ev + " but was " + av + " (off by " + Math.abs(ev - av) + ")");
            }
        }
    }
}
