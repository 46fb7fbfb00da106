package io.github.escmon.app.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ResetTargetTest {

    @Test
    void acceptsIsoInstantsWithAnyOffsetAndDates() {
        assertEquals(Instant.parse("2024-01-16T00:00:00Z"), ResetTarget.parse("2024-01-16T00:00:00Z").time());
        assertEquals(Instant.parse("2024-01-15T23:00:00Z"), ResetTarget.parse("2024-01-16T00:00:00+01:00").time());
        assertEquals(Instant.parse("2024-01-16T00:00:00Z"), ResetTarget.parse("2024-01-16").time());
        assertEquals(Instant.parse("2024-01-16T00:00:00.250Z"), ResetTarget.parse("2024-01-16T00:00:00.25Z").time());
    }

    @Test
    void refusesTimesWithoutZoneNonsenseAndTimesBeforeKafkaRecordTimes() {
        var noZone = assertThrows(IllegalArgumentException.class, () -> ResetTarget.parse("2024-01-16T00:00:00"));
        assertTrue(noZone.getMessage().contains("expected a time such as 2024-01-01T00:00:00Z"), noZone.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ResetTarget.parse("yesterday"));
        var early = assertThrows(IllegalArgumentException.class, () -> ResetTarget.parse("1969-12-31T23:59:59.999Z"));
        assertTrue(early.getMessage().contains("--to-earliest"), early.getMessage());
    }

    @Test
    void givesTheToolMillisecondsWithAnExplicitZoneRoundingUp() {
        assertEquals("--to-datetime=2024-01-16T00:00:00.000Z", ResetTarget.parse("2024-01-16T01:00:00+01:00").toolOption());
        assertEquals("--to-datetime=2024-01-16T00:00:00.123Z", ResetTarget.parse("2024-01-16T00:00:00.123Z").toolOption());
        // no record time lies strictly between two milliseconds: the first record at or after .1231 is at .124 or later
        assertEquals("--to-datetime=2024-01-16T00:00:00.124Z", ResetTarget.parse("2024-01-16T00:00:00.1231Z").toolOption());
        assertEquals("--to-datetime=1970-01-01T00:00:00.000Z", ResetTarget.parse("1970-01-01").toolOption());
        assertEquals("--to-earliest", ResetTarget.EARLIEST.toolOption());
    }
}
