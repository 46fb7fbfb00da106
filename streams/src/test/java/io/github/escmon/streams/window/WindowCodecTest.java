package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Dyad;
import io.github.escmon.events.Exchange;
import io.github.escmon.streams.window.WindowLog.StoredEvent;
import io.github.escmon.streams.window.WindowLog.StoredResponse;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WindowCodecTest {

    @Property
    void everyEventComesBackAsItWent(@ForAll String id, @ForAll long at, @ForAll boolean forward,
                                     @ForAll double hostility, @ForAll double cooperation, @ForAll String cameo,
                                     @ForAll int fatalities, @ForAll String summary, @ForAll String url,
                                     @ForAll boolean nulls, @ForAll long arrival) {
        WindowEvent e = new WindowEvent(id, at, forward, hostility, cooperation, nulls ? null : cameo, fatalities,
                nulls ? null : summary, nulls ? null : url);
        StoredEvent s = new StoredEvent(arrival, e);
        assertEquals(s, WindowCodec.event(WindowCodec.event(s)));
    }

    @Property
    void everyResponseComesBackAsItWent(@ForAll long provocationAt, @ForAll long at, @ForAll long arrival,
                                        @ForAll String provocation, @ForAll String response, @ForAll double lag,
                                        @ForAll double ratio) {
        StoredResponse r = new StoredResponse(provocationAt, at, arrival, new Exchange(provocation, response, "AAA", "BBB", lag, ratio));
        assertEquals(r, WindowCodec.response(WindowCodec.response(r)));
    }

    /** Headers of windows in every state a random stream of events and ticks leaves them in. */
    @Property(tries = 200)
    void everyHeaderComesBackAsItWent(@ForAll long seed, @ForAll @IntRange(min = 0, max = 300) int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        ScoreParameters p = ScoreParameters.defaults();
        DyadWindow w = new DyadWindow(new Dyad("AAA", "BBB"));
        long clock = 1_700_000_000_000L;
        WindowHeader first = w.header();
        assertEquals(first, WindowCodec.header(WindowCodec.header(first)));
        for (int i = 0; i < steps; i++) {
            clock += r.nextLong(12 * 3_600_000L);
            if (r.nextInt(5) == 0) {
                w.onTick(clock, p);
            } else {
                boolean hostile = r.nextBoolean();
                w.onEvent(new WindowEvent("e" + r.nextInt(1_000), clock - r.nextLong(48 * 3_600_000L), r.nextBoolean(),
                        hostile ? 1 + r.nextDouble() * 20 : 0, hostile ? 0 : r.nextDouble() * 3, "190", 0, null, null), p);
            }
            WindowHeader h = w.header();
            assertEquals(h, WindowCodec.header(WindowCodec.header(h)), "step " + i);
        }
    }

    @Test
    void aMegabyteSummaryIsKeptWhole() {
        String big = "é".repeat(600_000) + "😀";
        StoredEvent e = new StoredEvent(7, new WindowEvent("x", 1L, true, 2.5, 0.0, "190", 3, big, "https://example.org/ü"));
        assertEquals(e, WindowCodec.event(WindowCodec.event(e)));
    }

    @Test
    void stateOfAnotherFormatSaysToReset() {
        byte[] json = "{\"a\":\"IRN\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var e = assertThrows(SerializationException.class, () -> WindowCodec.header(json));
        assertTrue(e.getMessage().contains("escmon reset"), e.getMessage());
    }

    @Test
    void aTruncatedValueIsAnErrorNotAnEvent() {
        byte[] full = WindowCodec.event(new StoredEvent(3, new WindowEvent("id-1", 5L, false, 0.0, 1.5, "040", 0, "s", null)));
        for (int cut = 1; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            assertThrows(SerializationException.class, () -> WindowCodec.event(part), "cut at " + cut);
        }
        assertArrayEquals(full, WindowCodec.event(WindowCodec.event(full)));
    }
}
