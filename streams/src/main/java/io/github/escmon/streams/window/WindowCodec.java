package io.github.escmon.streams.window;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact binary form of window state in stores and changelogs: a format byte, then the fields in a fixed
 * order ({@link DataOutputStream}: big-endian numbers, strings as a length and UTF-8 bytes, a presence byte
 * before each field that may be absent). State is written once per event, so JSON there cost more than the scoring itself; the
 * records that users read (scores, alerts) stay JSON.
 */
public final class WindowCodec {

    /** The first byte of every value; a different one is an error that says to reset the application. */
    static final byte FORMAT = 1;

    private WindowCodec() {
    }

    public static byte[] header(WindowHeader h) {
        return write(out -> {
            string(out, h.a());
            string(out, h.b());
            out.writeBoolean(h.lastEval() != null);
            if (h.lastEval() != null) {
                out.writeLong(h.lastEval());
            }
            out.writeDouble(h.lastScore());
            out.writeBoolean(h.needsTick());
        });
    }

    public static WindowHeader header(byte[] bytes) {
        return read(bytes, "window header", in -> new WindowHeader(string(in), string(in),
                in.readBoolean() ? in.readLong() : null, in.readDouble(), in.readBoolean()));
    }

    public static byte[] event(WindowEvent e) {
        return write(out -> {
            string(out, e.id());
            out.writeLong(e.at());
            out.writeBoolean(e.forward());
            out.writeDouble(e.hostility());
            out.writeDouble(e.cooperation());
            optional(out, e.cameo());
            out.writeInt(e.fatalities());
            optional(out, e.summary());
            optional(out, e.url());
        });
    }

    public static WindowEvent event(byte[] bytes) {
        return read(bytes, "window event", in -> new WindowEvent(string(in), in.readLong(), in.readBoolean(),
                in.readDouble(), in.readDouble(), optional(in), in.readInt(), optional(in), optional(in)));
    }

    /** The serde of the {@code dyad-windows} store. */
    public static Serde<WindowHeader> headerSerde() {
        Serializer<WindowHeader> ser = (topic, h) -> h == null ? null : header(h);
        Deserializer<WindowHeader> de = (topic, b) -> b == null ? null : header(b);
        return Serdes.serdeFrom(ser, de);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, String what, Reader<T> reader) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException("not a " + what + " of format " + FORMAT + " (first byte "
                    + (bytes.length == 0 ? "missing" : bytes[0]) + "): state written by another escmon version;"
                    + " stop the monitor and run 'escmon reset' before starting this one");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new SerializationException("a truncated or corrupt " + what + ": " + e.getMessage(), e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes where " + in.available() + " are left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void optional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }
}
