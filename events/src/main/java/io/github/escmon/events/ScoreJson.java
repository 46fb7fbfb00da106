package io.github.escmon.events;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes a {@link DyadScore} with Jackson's streaming generator: the same bytes as {@link Json#MAPPER}'s data-binding
 * (field order, nulls, ISO-8601 instants, shortest round-trip doubles; {@code ScoreJsonTest} compares them), at
 * less cost. A monitor writes more than one score record per input event, and data-binding them took an eighth of
 * its stream thread's time.
 */
public final class ScoreJson {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    // field names encoded once, as data-binding does
    private static final SerializableString DYAD = name("dyad");
    private static final SerializableString A = name("a");
    private static final SerializableString B = name("b");
    private static final SerializableString AT = name("at");
    private static final SerializableString TRIGGER = name("trigger");
    private static final SerializableString EVENT_ID = name("eventId");
    private static final SerializableString SCORE = name("score");
    private static final SerializableString RAW = name("raw");
    private static final SerializableString HOSTILITY_AB = name("hostilityAB");
    private static final SerializableString HOSTILITY_BA = name("hostilityBA");
    private static final SerializableString COOPERATION = name("cooperation");
    private static final SerializableString MUTUALITY = name("mutuality");
    private static final SerializableString EXCHANGES = name("exchanges");
    private static final SerializableString EVENTS = name("events");
    private static final SerializableString LAST_EXCHANGE = name("lastExchange");
    private static final SerializableString PROVOCATION = name("provocation");
    private static final SerializableString RESPONSE = name("response");
    private static final SerializableString FROM = name("from");
    private static final SerializableString TO = name("to");
    private static final SerializableString LAG_HOURS = name("lagHours");
    private static final SerializableString RATIO = name("ratio");
    private static final SerializableString EVIDENCE = name("evidence");
    private static final SerializableString ID = name("id");
    private static final SerializableString OCCURRED_AT = name("occurredAt");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString TARGET = name("target");
    private static final SerializableString CAMEO = name("cameo");
    private static final SerializableString FATALITIES = name("fatalities");
    private static final SerializableString WEIGHT = name("weight");
    private static final SerializableString SUMMARY = name("summary");
    private static final SerializableString URL = name("url");

    private ScoreJson() {
    }

    /** The score as UTF-8 JSON. */
    public static byte[] toBytes(DyadScore s) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(FACTORY._getBufferRecycler())) {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                write(g, s);
            }
            byte[] bytes = out.toByteArray();
            out.release();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the score of " + s.dyad() + " as JSON", e);
        }
    }

    private static void write(JsonGenerator g, DyadScore s) throws IOException {
        g.writeStartObject();
        string(g, DYAD, s.dyad());
        string(g, A, s.a());
        string(g, B, s.b());
        instant(g, AT, s.at());
        string(g, TRIGGER, s.trigger());
        string(g, EVENT_ID, s.eventId());
        number(g, SCORE, s.score());
        number(g, RAW, s.raw());
        number(g, HOSTILITY_AB, s.hostilityAB());
        number(g, HOSTILITY_BA, s.hostilityBA());
        number(g, COOPERATION, s.cooperation());
        number(g, MUTUALITY, s.mutuality());
        number(g, EXCHANGES, s.exchanges());
        number(g, EVENTS, s.events());
        Exchange x = s.lastExchange();
        g.writeFieldName(LAST_EXCHANGE);
        if (x == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            string(g, PROVOCATION, x.provocation());
            string(g, RESPONSE, x.response());
            string(g, FROM, x.from());
            string(g, TO, x.to());
            number(g, LAG_HOURS, x.lagHours());
            number(g, RATIO, x.ratio());
            g.writeEndObject();
        }
        List<Evidence> evidence = s.evidence();
        g.writeFieldName(EVIDENCE);
        if (evidence == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            for (Evidence e : evidence) {
                if (e == null) {
                    g.writeNull();
                } else {
                    evidence(g, e);
                }
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** {@link Evidence} is {@code NON_NULL}: absent fields are left out. */
    private static void evidence(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        if (e.id() != null) {
            string(g, ID, e.id());
        }
        if (e.occurredAt() != null) {
            instant(g, OCCURRED_AT, e.occurredAt());
        }
        if (e.source() != null) {
            string(g, SOURCE, e.source());
        }
        if (e.target() != null) {
            string(g, TARGET, e.target());
        }
        if (e.cameo() != null) {
            string(g, CAMEO, e.cameo());
        }
        number(g, FATALITIES, e.fatalities());
        number(g, WEIGHT, e.weight());
        if (e.summary() != null) {
            string(g, SUMMARY, e.summary());
        }
        if (e.url() != null) {
            string(g, URL, e.url());
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void number(JsonGenerator g, SerializableString name, double value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private static void number(JsonGenerator g, SerializableString name, int value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    /** As jackson-datatype-jsr310 writes an instant, dates not as timestamps: {@code Instant.toString()}. */
    private static void instant(JsonGenerator g, SerializableString name, Instant value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(iso(value));
        }
    }

    /** Years 0000-9999 and whole seconds (every time escmon writes): {@code yyyy-MM-ddTHH:mm:ssZ}, built directly. */
    static String iso(Instant t) {
        long seconds = t.getEpochSecond();
        if (t.getNano() != 0 || seconds < -62_167_219_200L || seconds > 253_402_300_799L) {
            return t.toString();
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        byte[] c = new byte[20];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        c[19] = 'Z';
        return new String(c, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static SerializableString name(String name) {
        SerializedString s = new SerializedString(name);
        s.asQuotedUTF8(); // encode now, not on the first record
        return s;
    }
}
