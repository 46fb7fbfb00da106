package io.github.escmon.producer.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class BackoffTest {

    @Test
    void theWaitDoublesUpToItsCap() {
        var backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(10), 6);
        assertEquals(List.of(2L, 4L, 8L, 10L, 10L),
                IntStream.rangeClosed(1, 5).mapToObj(a -> backoff.after(a).toSeconds()).toList());
    }

    @Test
    void theDefaultWaitsThirtySecondsOverFiveAttempts() {
        assertEquals(30, IntStream.rangeClosed(1, Backoff.DEFAULT.attempts() - 1)
                .mapToLong(a -> Backoff.DEFAULT.after(a).toSeconds()).sum());
    }
}
