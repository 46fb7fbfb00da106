package io.github.escmon.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written score writer against Jackson's data-binding of the same record, the reference. */
class ScoreJsonTest {

    @Property(tries = 2_000)
    void writesTheBytesDataBindingWrites(@ForAll("scores") DyadScore score) throws JsonProcessingException {
        byte[] reference = Json.MAPPER.writeValueAsBytes(score);
        byte[] fast = ScoreJson.toBytes(score);
        assertEquals(new String(reference, StandardCharsets.UTF_8), new String(fast, StandardCharsets.UTF_8));
        assertArrayEquals(reference, fast);
    }

    @Property(tries = 200)
    void readsBackAsTheSameRecord(@ForAll("scores") DyadScore score) {
        JsonSerde<DyadScore> serde = JsonSerde.scores();
        byte[] bytes = serde.serializer().serialize("escalation-scores", score);
        DyadScore back = serde.deserializer().deserialize("escalation-scores", bytes);
        // doubles round-trip exactly (shortest representation); NaN != NaN in a record's equals, so compare the bytes
        assertArrayEquals(bytes, serde.serializer().serialize("escalation-scores", back));
    }

    @Example
    void theSpecsExampleRecord() {
        // SCORING.md §4's example, with the project's own evidence field
        DyadScore s = new DyadScore("IRN-PAK", "IRN", "PAK", Instant.parse("2024-01-18T01:00:00Z"), "event",
                "irpk-2024-01-18-saravan", 7.6939, 58.6813, 11.3853, 24.9751, 0.8995, 0.6262, 2, 4,
                new Exchange("irpk-2024-01-16-panjgur", "irpk-2024-01-18-saravan", "PAK", "IRN", 32.0, 1.388552),
                List.of());
        assertEquals("{\"dyad\":\"IRN-PAK\",\"a\":\"IRN\",\"b\":\"PAK\",\"at\":\"2024-01-18T01:00:00Z\",\"trigger\":\"event\","
                        + "\"eventId\":\"irpk-2024-01-18-saravan\",\"score\":7.6939,\"raw\":58.6813,\"hostilityAB\":11.3853,"
                        + "\"hostilityBA\":24.9751,\"cooperation\":0.8995,\"mutuality\":0.6262,\"exchanges\":2,\"events\":4,"
                        + "\"lastExchange\":{\"provocation\":\"irpk-2024-01-16-panjgur\",\"response\":\"irpk-2024-01-18-saravan\","
                        + "\"from\":\"PAK\",\"to\":\"IRN\",\"lagHours\":32.0,\"ratio\":1.388552},\"evidence\":[]}",
                new String(ScoreJson.toBytes(s), StandardCharsets.UTF_8));
    }

    @Example
    void instantsAtTheEdgesOfFourDigitYears() {
        for (String t : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T23:59:59Z",
                "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "2024-01-18T01:00:00.000000001Z", "2024-01-18T01:00:00.500Z")) {
            Instant instant = Instant.parse(t);
            assertEquals(instant.toString(), ScoreJson.iso(instant), t);
        }
    }

    @Provide
    Arbitrary<DyadScore> scores() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),                           // any characters, controls and surrogates too
                Arbitraries.strings().alpha().numeric().withChars("-_/:.").ofMaxLength(20),
                Arbitraries.just(null));
        Arbitrary<Instant> at = Arbitraries.oneOf(
                Arbitraries.longs().between(-62_200_000_000L, 253_500_000_000L).map(Instant::ofEpochSecond), // years -1 to 10002
                Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 4).map(n -> Instant.ofEpochSecond(0, n)),
                Arbitraries.just(null));
        Arbitrary<Double> number = Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.doubles().between(0, 10).ofScale(6),
                Arbitraries.of(0.0, -0.0, 1e-300, 1e300, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Arbitrary<Exchange> exchange = Combinators.combine(text, text, text, text, number, number)
                .as(Exchange::new).injectNull(0.3);
        Arbitrary<Evidence> evidence = Combinators.combine(text, at, text, text, text, Arbitraries.integers(), number,
                        text).as((id, when, src, tgt, cameo, fat, w, summary) -> new Evidence(id, when, src, tgt, cameo, fat, w, summary, summary == null ? null : "https://example.org/" + summary.hashCode()));
        Arbitrary<List<Evidence>> evidences = evidence.injectNull(0.05).list().ofMaxSize(6).injectNull(0.1);
        Arbitrary<String[]> names = Combinators.combine(text, text, text, text, Arbitraries.of("event", "tick"), text)
                .as((d, a, b, x, trigger, id) -> new String[] {d, a, b, trigger, id});
        Arbitrary<double[]> sums = number.array(double[].class).ofSize(6);
        return Combinators.combine(names, at, sums, Arbitraries.integers(), Arbitraries.integers(), exchange, evidences)
                .as((n, when, d, exchanges, events, x, ev) -> new DyadScore(n[0], n[1], n[2], when, n[3], n[4],
                        d[0], d[1], d[2], d[3], d[4], d[5], exchanges, events, x, ev));
    }
}
