package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.events.Alert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertBandTest {

    private static final Instant END = Instant.parse("2024-02-01T00:00:00Z");

    private static Alert alert(String status, String level, String at) {
        return new Alert("D/x", "A-B", status, level, "NONE", 0, Instant.parse(at), null, false, null, null, null);
    }

    @Test
    void eachFiringLevelLastsUntilTheDyadsNextTransition() {
        List<AlertBand> bands = AlertBand.of(List.of(
                alert("FIRING", "WATCH", "2024-01-16T17:00:00Z"),
                alert("FIRING", "CRITICAL", "2024-01-18T01:00:00Z"),
                alert("RESOLVED", "CRITICAL", "2024-01-20T00:00:00Z"),
                alert("FIRING", "WATCH", "2024-01-25T00:00:00Z")), END);
        assertEquals(List.of(
                new AlertBand("WATCH", Instant.parse("2024-01-16T17:00:00Z"), Instant.parse("2024-01-18T01:00:00Z"), false),
                new AlertBand("CRITICAL", Instant.parse("2024-01-18T01:00:00Z"), Instant.parse("2024-01-20T00:00:00Z"), false),
                new AlertBand("WATCH", Instant.parse("2024-01-25T00:00:00Z"), END, true)), bands);
    }

    @Test
    void noAlertsNoBands() {
        assertEquals(List.of(), AlertBand.of(List.of(), END));
    }
}
