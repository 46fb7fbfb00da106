package io.github.escmon.producer.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeartbeatScheduleTest {

    private static final long H = 3_600_000L;
    private final HeartbeatSchedule schedule = new HeartbeatSchedule(H);

    private OptionalLong at(String t) {
        return schedule.advance(Instant.parse(t));
    }

    @Test
    void theFirstRecordAnnouncesTheBoundaryAtOrBeforeIt() {
        assertEquals(OptionalLong.of(Instant.parse("2024-01-01T10:00:00Z").toEpochMilli()), at("2024-01-01T10:30:00Z"));
    }

    @Test
    void crossingBoundariesAnnouncesTheLatestOneCrossed() {
        at("2024-01-01T10:30:00Z");
        assertEquals(OptionalLong.of(Instant.parse("2024-01-01T13:00:00Z").toEpochMilli()), at("2024-01-01T13:20:00Z"));
    }

    @Test
    void aRecordExactlyOnABoundaryCrossesIt() {
        at("2024-01-01T10:30:00Z");
        assertEquals(OptionalLong.of(Instant.parse("2024-01-01T11:00:00Z").toEpochMilli()), at("2024-01-01T11:00:00Z"));
        assertEquals(OptionalLong.empty(), at("2024-01-01T11:00:00Z"));
    }

    @Test
    void recordsWithinAnHourOrOutOfOrderNeedNone() {
        at("2024-01-01T10:30:00Z");
        assertEquals(OptionalLong.empty(), at("2024-01-01T10:59:59Z"));
        assertEquals(OptionalLong.empty(), at("2024-01-01T08:00:00Z"));
        assertEquals(OptionalLong.empty(), at("2024-01-01T10:45:00Z"));
    }
}
