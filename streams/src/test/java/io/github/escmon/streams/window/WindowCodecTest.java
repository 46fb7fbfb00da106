package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WindowCodecTest {

    @Property
    void everyEventComesBackAsItWent(@ForAll String id, @ForAll long at, @ForAll boolean forward,
                                     @ForAll double hostility, @ForAll double cooperation, @ForAll String cameo,
                                     @ForAll int fatalities, @ForAll String summary, @ForAll String url,
                                     @ForAll boolean nulls) {
        WindowEvent e = new WindowEvent(id, at, forward, hostility, cooperation, nulls ? null : cameo, fatalities,
                nulls ? null : summary, nulls ? null : url);
        assertEquals(e, WindowCodec.event(WindowCodec.event(e)));
    }

    @Property
    void everyHeaderComesBackAsItWent(@ForAll String a, @ForAll String b, @ForAll long lastEval,
                                      @ForAll boolean never, @ForAll double lastScore, @ForAll boolean needsTick) {
        WindowHeader h = new WindowHeader(a, b, never ? null : lastEval, lastScore, needsTick);
        assertEquals(h, WindowCodec.header(WindowCodec.header(h)));
    }

    @Test
    void aMegabyteSummaryIsKeptWhole() {
        String big = "é".repeat(600_000) + "😀";
        WindowEvent e = new WindowEvent("x", 1L, true, 2.5, 0.0, "190", 3, big, "https://example.org/ü");
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
        byte[] full = WindowCodec.event(new WindowEvent("id-1", 5L, false, 0.0, 1.5, "040", 0, "s", null));
        for (int cut = 1; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            assertThrows(SerializationException.class, () -> WindowCodec.event(part), "cut at " + cut);
        }
        assertArrayEquals(full, WindowCodec.event(WindowCodec.event(full)));
    }
}
