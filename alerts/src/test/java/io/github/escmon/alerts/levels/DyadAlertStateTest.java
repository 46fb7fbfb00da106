package io.github.escmon.alerts.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SCORING.md §5 with its default numbers: WATCH 3, WARNING 5, CRITICAL 7, hysteresis 1, hold 24 h. */
class DyadAlertStateTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private final AlertParameters p = AlertParameters.defaults();
    private DyadAlertState state = DyadAlertState.NONE;

    private static DyadScore score(double hours, String trigger, double s, int exchanges, Exchange last) {
        return new DyadScore("IRN-PAK", "IRN", "PAK", T0.plus(Duration.ofMinutes(Math.round(hours * 60))), trigger,
                trigger.equals("event") ? "e" + hours : null, s, 0, 0, 0, 0, 0, exchanges, 1, last, List.of());
    }

    private Optional<Alert> feed(double hours, String trigger, double s) {
        var step = state.onScore(score(hours, trigger, s, 0, null), p);
        state = step.next();
        return step.alert();
    }

    private List<String> run(Object... hoursTriggerScore) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hoursTriggerScore.length; i += 3) {
            feed(((Number) hoursTriggerScore[i]).doubleValue(), (String) hoursTriggerScore[i + 1],
                    ((Number) hoursTriggerScore[i + 2]).doubleValue())
                    .ifPresent(a -> out.add(a.status() + " " + a.level() + " @" + a.at()));
        }
        return out;
    }

    @Test
    void aScoreReachingAThresholdFiresAtOnceAtTheHighestLevelReached() {
        assertEquals(List.of("FIRING CRITICAL @2024-01-01T00:00:00Z"), run(0, "event", 7.2));
        assertEquals(AlertLevel.CRITICAL, state.level());
    }

    @Test
    void thresholdsAreInclusive() {
        assertEquals(List.of("FIRING WATCH @2024-01-01T00:00:00Z"), run(0, "tick", 3.0));
    }

    @Test
    void theLevelRisesStepByStepOnAnyTrigger() {
        assertEquals(List.of("FIRING WATCH @2024-01-01T00:00:00Z", "FIRING WARNING @2024-01-01T01:00:00Z"),
                run(0, "event", 3.5, 1, "tick", 5.0, 2, "event", 4.5));
    }

    @Test
    void withinTheHysteresisBandTheLevelHoldsWithoutAnyHold() {
        assertEquals(List.of("FIRING WARNING @2024-01-01T00:00:00Z"), run(0, "event", 5.5, 10, "tick", 4.1, 100, "tick", 4.0));
    }

    @Test
    void theLevelStepsDownOnlyAfterEveryTickFor24HoursAllowedIt() {
        List<String> out = run(0, "event", 5.5, 1, "tick", 3.9, 24, "tick", 3.8, 25, "tick", 3.7);
        assertEquals(List.of("FIRING WARNING @2024-01-01T00:00:00Z", "FIRING WATCH @2024-01-02T01:00:00Z"), out);
        assertEquals(AlertLevel.WATCH, state.level());
    }

    @Test
    void aTickBackInTheBandResetsTheCalmPeriod() {
        List<String> out = run(0, "event", 5.5, 1, "tick", 3.9, 20, "tick", 4.2, 21, "tick", 3.9, 25, "tick", 3.8, 45, "tick", 3.8);
        assertEquals(List.of("FIRING WARNING @2024-01-01T00:00:00Z", "FIRING WATCH @2024-01-02T21:00:00Z"), out);
    }

    @Test
    void eventRecordsNeverStepDownNorResetTheCalmPeriod() {
        List<String> out = run(0, "event", 5.5, 1, "tick", 3.9, 12, "event", 3.5, 25, "event", 3.5, 25, "tick", 3.5);
        assertEquals(List.of("FIRING WARNING @2024-01-01T00:00:00Z", "FIRING WATCH @2024-01-02T01:00:00Z"), out);
    }

    @Test
    void anEpisodeEndsResolvedAtTheLevelItEndedAndKeepsItsId() {
        List<Alert> alerts = new ArrayList<>();
        for (Object[] s : new Object[][] {{0.0, "event", 3.5}, {1.0, "tick", 1.5}, {25.0, "tick", 1.4}}) {
            var step = state.onScore(score((double) s[0], (String) s[1], (double) s[2], 0, null), p);
            state = step.next();
            step.alert().ifPresent(alerts::add);
        }
        assertEquals(2, alerts.size());
        Alert resolved = alerts.get(1);
        assertEquals(Alert.RESOLVED, resolved.status());
        assertEquals("WATCH", resolved.level());
        assertEquals("WATCH", resolved.previousLevel());
        assertEquals("IRN-PAK/2024-01-01T00:00:00Z", resolved.alertId());
        assertEquals(alerts.get(0).alertId(), resolved.alertId());
        assertEquals(T0, resolved.since());
        assertEquals(DyadAlertState.NONE, state);
    }

    @Test
    void aLaterEpisodeGetsANewId() {
        run(0, "event", 3.5, 1, "tick", 1.5, 25, "tick", 1.4);
        Alert again = feed(30, "event", 3.1).orElseThrow();
        assertEquals("IRN-PAK/2024-01-02T06:00:00Z", again.alertId());
    }

    @Test
    void aTitForTatResponseIsSummarisedAsWhoStruckBackAfterHowLongAndHowHard() {
        var exchange = new Exchange("irpk-2024-01-16-panjgur", "irpk-2024-01-18-saravan", "PAK", "IRN", 32.0, 1.388552);
        var s = new DyadScore("IRN-PAK", "IRN", "PAK", T0, "event", "irpk-2024-01-18-saravan", 7.6939, 58.68, 11.38,
                24.97, 0.9, 0.63, 2, 4, exchange, List.of());
        Alert a = state.onScore(s, p).alert().orElseThrow();
        assertTrue(a.titForTat());
        assertEquals("PAK struck back at IRN 32 h after IRN's attack (1.39× its intensity)", a.summary());
        assertEquals(exchange, a.lastExchange());
    }
}
