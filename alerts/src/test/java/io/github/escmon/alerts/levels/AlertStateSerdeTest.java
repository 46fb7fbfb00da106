package io.github.escmon.alerts.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AlertStateSerdeTest {

    @Property
    void everyStateComesBackAsItWent(@ForAll AlertLevel level, @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long since,
                                     @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long calm,
                                     @ForAll boolean open, @ForAll boolean calming) {
        DyadAlertState s = new DyadAlertState(level, open ? Instant.ofEpochMilli(since) : null,
                calming ? Instant.ofEpochMilli(calm) : null);
        var serde = AlertStateSerde.serde();
        assertEquals(s, serde.deserializer().deserialize("t", serde.serializer().serialize("t", s)));
    }

    @Test
    void jsonStateOfAnEarlierVersionSaysToReset() {
        byte[] json = "{\"level\":\"WATCH\",\"since\":\"2024-01-16T17:00:00Z\",\"calmSince\":null}".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(SerializationException.class, () -> AlertStateSerde.read(json));
        assertTrue(e.getMessage().contains("escmon reset"), e.getMessage());
    }
}
