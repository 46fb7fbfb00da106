package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeAxisTest {

    @Test
    void aTwoWeekAxisTicksAtUtcMidnightsEveryOtherDay() {
        TimeAxis axis = TimeAxis.over(Instant.parse("2024-01-16T17:00:00Z"), Instant.parse("2024-01-29T08:05:00Z"), 40, 856);
        assertEquals(Duration.ofDays(2), axis.step());
        List<Instant> ticks = axis.ticks();
        assertEquals(Instant.parse("2024-01-18T00:00:00Z"), ticks.get(0), "epoch days are even: 2024-01-18 is day 19740");
        assertTrue(ticks.size() <= 9, ticks.toString());
        assertEquals("Jan 18", axis.label(ticks.get(0), true));
        assertEquals(40.0, axis.x(axis.from()), 1e-9);
        assertEquals(896.0, axis.x(axis.to()), 1e-9);
    }

    @Test
    void anHourlyAxisNamesTheDayOnItsFirstTickAndAtMidnight() {
        TimeAxis axis = TimeAxis.over(Instant.parse("2024-01-17T20:10:00Z"), Instant.parse("2024-01-18T03:00:00Z"), 0, 100);
        assertEquals(Duration.ofHours(1), axis.step());
        List<Instant> ticks = axis.ticks();
        assertEquals(List.of("Jan 17 21:00", "22:00", "23:00", "Jan 18 00:00", "01:00", "02:00", "03:00"),
                ticks.stream().map(t -> axis.label(t, t.equals(ticks.get(0)))).toList());
    }

    @Test
    void aSingleInstantGetsTwoHoursOfRoom() {
        Instant t = Instant.parse("2024-01-18T01:00:00Z");
        TimeAxis axis = TimeAxis.over(t, t, 0, 100);
        assertEquals(50.0, axis.x(t), 1e-9);
        assertEquals(Duration.ofHours(2), Duration.between(axis.from(), axis.to()));
    }
}
