package io.github.escmon.alerts.levels;

import java.nio.ByteBuffer;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The {@code alert-state} store's values in 18 bytes: a format byte, the level's name as one byte (its ordinal),
 * then {@code since} and {@code calmSince} as epoch milliseconds ({@link Long#MIN_VALUE} for none). The store is
 * read on every score record, so JSON there cost more than the state machine.
 */
public final class AlertStateSerde {

    static final byte FORMAT = 1;
    private static final int SIZE = 2 + 2 * Long.BYTES;
    private static final long NONE = Long.MIN_VALUE;
    private static final AlertLevel[] LEVELS = AlertLevel.values();

    private AlertStateSerde() {
    }

    public static Serde<DyadAlertState> serde() {
        Serializer<DyadAlertState> ser = (topic, s) -> s == null ? null : write(s);
        Deserializer<DyadAlertState> de = (topic, b) -> b == null ? null : read(b);
        return Serdes.serdeFrom(ser, de);
    }

    static byte[] write(DyadAlertState s) {
        return ByteBuffer.allocate(SIZE).put(FORMAT).put((byte) s.level().ordinal())
                .putLong(millis(s.since())).putLong(millis(s.calmSince())).array();
    }

    static DyadAlertState read(byte[] b) {
        if (b.length != SIZE || b[0] != FORMAT || b[1] < 0 || b[1] >= LEVELS.length) {
            throw new SerializationException("not an alert state of format " + FORMAT + " (" + b.length
                    + " bytes): state written by another escmon version; stop the monitor and run 'escmon reset'"
                    + " before starting this one");
        }
        ByteBuffer in = ByteBuffer.wrap(b, 2, SIZE - 2);
        return new DyadAlertState(LEVELS[b[1]], instant(in.getLong()), instant(in.getLong()));
    }

    private static long millis(Instant t) {
        if (t != null && t.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("alert times are whole milliseconds, got " + t);
        }
        return t == null ? NONE : t.toEpochMilli();
    }

    private static Instant instant(long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }
}
