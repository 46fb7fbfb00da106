package io.github.escmon.producer.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class LiveHeartbeatTest {

    private static final Instant NOW = Instant.parse("2024-01-18T02:07:30Z");
    private static final Duration LAG = Duration.ofMinutes(15);

    private static Instant t(String time) {
        return Instant.parse(time);
    }

    @Test
    void itIsTheWallClockMinusTheLag() {
        assertEquals(t("2024-01-18T01:52:30Z"), LiveHeartbeat.at(NOW, LAG, t("2024-01-18T01:45:00Z"), null));
        assertEquals(t("2024-01-18T01:52:30Z"), LiveHeartbeat.at(NOW, LAG, null, null));
    }

    @Test
    void itIsNeverEarlierThanTheLatestEventPublished() {
        assertEquals(t("2024-01-18T02:00:00Z"), LiveHeartbeat.at(NOW, LAG, t("2024-01-18T02:00:00Z"), null));
    }

    @Test
    void itNeverPassesAFileKnownButNotYetPublished() {
        assertEquals(t("2024-01-18T01:15:00Z"), LiveHeartbeat.at(NOW, LAG, t("2024-01-18T01:00:00Z"), t("2024-01-18T01:15:00Z")));
        assertEquals(t("2024-01-18T01:52:30Z"), LiveHeartbeat.at(NOW, LAG, null, t("2024-01-18T02:00:00Z")),
                "a pending file later than the lag does not hold it back");
    }
}
