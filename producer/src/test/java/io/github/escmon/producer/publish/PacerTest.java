package io.github.escmon.producer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant T = Instant.parse("2024-01-18T00:00:00Z");
    private final Clock wall = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void atSixtyTimesAnHourOfEventTimeTakesAMinute() {
        Pacer pacer = new Pacer(60, wall);
        assertEquals(0, pacer.delayMillis(T));
        assertEquals(60_000, pacer.delayMillis(T.plusSeconds(3600)));
    }

    @Test
    void recordsGoingBackInTimeAreNotDelayed() {
        Pacer pacer = new Pacer(1, wall);
        pacer.delayMillis(T);
        assertEquals(0, pacer.delayMillis(T.minusSeconds(600)));
    }

    @Test
    void maxNeverWaitsAndSpeedsParseAsPeopleWriteThem() {
        assertEquals(0, Pacer.parse("max").delayMillis(T.plusSeconds(99999)));
        assertTrue(Pacer.parse("max").isMax());
        assertTrue(!Pacer.parse("60x").isMax());
        assertTrue(!Pacer.parse("realtime").isMax());
        assertThrows(IllegalArgumentException.class, () -> Pacer.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> Pacer.parse("0x"));
    }
}
