package io.github.escmon.streams.window;

import io.github.escmon.events.Exchange;
import io.github.escmon.streams.window.WindowHeader.Act;
import io.github.escmon.streams.window.WindowHeader.Bucket;
import io.github.escmon.streams.window.WindowHeader.EventKey;
import io.github.escmon.streams.window.WindowLog.StoredEvent;
import io.github.escmon.streams.window.WindowLog.StoredResponse;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact binary form of window state in stores and changelogs: a format byte, then the fields in a fixed
 * order (as {@link java.io.DataOutputStream} writes them: big-endian numbers, strings as a length and UTF-8 bytes, a presence byte
 * before each field that may be absent). State is written once per event, so JSON there cost more than the scoring itself; the
 * records that users read (scores, alerts) stay JSON.
 */
public final class WindowCodec {

    /**
     * The first byte of every value; a different one is an error that says to reset the application. 2: windows as
     * a header of sums plus events and responses keyed by time and arrival (1: a header and events keyed by id).
     */
    static final byte FORMAT = 2;

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
            out.writeLong(h.arrivals());
            out.writeInt(h.size());
            out.writeInt(h.hostile());
            out.writeLong(h.oldestAt());
            out.writeLong(h.maxAt());
            for (Act act : h.acts()) {
                out.writeBoolean(act != null);
                if (act != null) {
                    out.writeLong(act.at());
                    string(out, act.id());
                    out.writeDouble(act.hostility());
                    out.writeLong(act.arrival());
                }
            }
            out.writeInt(h.buckets().size());
            for (Bucket k : h.buckets()) {
                out.writeLong(k.index());
                out.writeLong(k.hab());
                out.writeLong(k.hba());
                out.writeLong(k.coop());
            }
            out.writeInt(h.responses());
            out.writeLong(h.oldestProvocation());
            out.writeBoolean(h.last() != null);
            if (h.last() != null) {
                response(out, h.last());
            }
            out.writeInt(h.top().size());
            for (EventKey k : h.top()) {
                out.writeLong(k.at());
                out.writeLong(k.arrival());
            }
            out.writeInt(h.scoredWith().size());
            for (long v : h.scoredWith()) {
                out.writeLong(v);
            }
        });
    }

    public static WindowHeader header(byte[] bytes) {
        return read(bytes, "window header", in -> {
            String a = string(in);
            String b = string(in);
            Long lastEval = in.readBoolean() ? in.readLong() : null;
            double lastScore = in.readDouble();
            boolean needsTick = in.readBoolean();
            long arrivals = in.readLong();
            int size = in.readInt();
            int hostile = in.readInt();
            long oldestAt = in.readLong();
            long maxAt = in.readLong();
            List<Act> acts = Arrays.asList(new Act[4]);
            for (int i = 0; i < 4; i++) {
                acts.set(i, in.readBoolean() ? new Act(in.readLong(), string(in), in.readDouble(), in.readLong()) : null);
            }
            List<Bucket> buckets = new ArrayList<>();
            for (int i = count(in, 32); i > 0; i--) {
                buckets.add(new Bucket(in.readLong(), in.readLong(), in.readLong(), in.readLong()));
            }
            int responses = in.readInt();
            long oldestProvocation = in.readLong();
            StoredResponse last = in.readBoolean() ? response(in) : null;
            List<EventKey> top = new ArrayList<>();
            for (int i = count(in, 16); i > 0; i--) {
                top.add(new EventKey(in.readLong(), in.readLong()));
            }
            List<Long> scoredWith = new ArrayList<>();
            for (int i = count(in, 8); i > 0; i--) {
                scoredWith.add(in.readLong());
            }
            return new WindowHeader(a, b, lastEval, lastScore, needsTick, arrivals, size, hostile, oldestAt, maxAt,
                    acts, buckets, responses, oldestProvocation, last, top, scoredWith);
        });
    }

    /** An event of a window's log, with its arrival number. */
    public static byte[] event(StoredEvent s) {
        return write(out -> {
            out.writeLong(s.arrival());
            WindowEvent e = s.event();
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

    public static StoredEvent event(byte[] bytes) {
        return read(bytes, "window event", in -> new StoredEvent(in.readLong(), new WindowEvent(string(in), in.readLong(),
                in.readBoolean(), in.readDouble(), in.readDouble(), optional(in), in.readInt(), optional(in), optional(in))));
    }

    /** A tit-for-tat response of a window's log. */
    public static byte[] response(StoredResponse r) {
        return write(out -> response(out, r));
    }

    public static StoredResponse response(byte[] bytes) {
        return read(bytes, "window response", WindowCodec::response);
    }

    private static void response(Out out, StoredResponse r) {
        out.writeLong(r.provocationAt());
        out.writeLong(r.at());
        out.writeLong(r.arrival());
        Exchange x = r.exchange();
        string(out, x.provocation());
        string(out, x.response());
        string(out, x.from());
        string(out, x.to());
        out.writeDouble(x.lagHours());
        out.writeDouble(x.ratio());
    }

    private static StoredResponse response(In in) throws IOException {
        return new StoredResponse(in.readLong(), in.readLong(), in.readLong(), new Exchange(string(in), string(in),
                string(in), string(in), in.readDouble(), in.readDouble()));
    }

    /** A count of records of {@code bytes} bytes each that the rest of the value can hold. */
    private static int count(In in, int bytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytes > in.available()) {
            throw new IOException("a count of " + n + " where " + in.available() + " bytes are left");
        }
        return n;
    }

    /** The serde of the {@code dyad-windows} store. */
    public static Serde<WindowHeader> headerSerde() {
        Serializer<WindowHeader> ser = (topic, h) -> h == null ? null : header(h);
        Deserializer<WindowHeader> de = (topic, b) -> b == null ? null : header(b);
        return Serdes.serdeFrom(ser, de);
    }

    private interface Writer {
        void write(Out out);
    }

    private interface Reader<T> {
        T read(In in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        Out out = new Out();
        out.writeByte(FORMAT);
        writer.write(out);
        return out.toByteArray();
    }

    private static <T> T read(byte[] bytes, String what, Reader<T> reader) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new SerializationException("not a " + what + " of format " + FORMAT + " (first byte "
                    + (bytes.length == 0 ? "missing" : bytes[0]) + "): state written by another escmon version;"
                    + " stop the monitor and run 'escmon reset' before starting this one");
        }
        try {
            return reader.read(new In(ByteBuffer.wrap(bytes, 1, bytes.length - 1)));
        } catch (IOException | BufferUnderflowException e) {
            throw new SerializationException("a truncated or corrupt " + what + ": " + e, e);
        }
    }

    private static void string(Out out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(In in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a string of " + length + " bytes where " + in.available() + " are left");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void optional(Out out, String s) {
        out.writeBoolean(s != null);
        if (s != null) {
            string(out, s);
        }
    }

    private static String optional(In in) throws IOException {
        return in.readBoolean() ? string(in) : null;
    }

    /**
     * What {@link java.io.DataOutputStream} over a {@link java.io.ByteArrayOutputStream} writes (big-endian), without
     * their locks and per-byte calls: state is written several times per event.
     */
    private static final class Out {
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        private byte[] buf = new byte[128];
        private int n;

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[n++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeInt(int v) {
            ensure(Integer.BYTES);
            INT.set(buf, n, v);
            n += Integer.BYTES;
        }

        void writeLong(long v) {
            ensure(Long.BYTES);
            LONG.set(buf, n, v);
            n += Long.BYTES;
        }

        void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, n);
        }
    }

    /** Reads what {@link Out} wrote; running out of bytes is a {@link BufferUnderflowException}. */
    private record In(ByteBuffer buf) {

        int readInt() {
            return buf.getInt();
        }

        long readLong() {
            return buf.getLong();
        }

        double readDouble() {
            return buf.getDouble();
        }

        boolean readBoolean() throws IOException {
            byte b = buf.get();
            if (b != 0 && b != 1) {
                throw new IOException("a flag of " + b);
            }
            return b == 1;
        }

        int available() {
            return buf.remaining();
        }

        byte[] readNBytes(int length) {
            byte[] b = new byte[length];
            buf.get(b);
            return b;
        }
    }
}
