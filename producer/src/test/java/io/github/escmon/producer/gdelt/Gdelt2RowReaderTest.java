package io.github.escmon.producer.gdelt;

import static io.github.escmon.producer.gdelt.GdeltFixtures.count;
import static io.github.escmon.producer.gdelt.GdeltFixtures.incident;
import static io.github.escmon.producer.gdelt.GdeltFixtures.json;
import static io.github.escmon.producer.gdelt.GdeltFixtures.line;
import static io.github.escmon.producer.gdelt.GdeltFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Incident;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.SourceSettings.ActorLevel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code 20240117093000.export.CSV}: 31 lines, one blank; valid rows on lines 1-4, 8, 9, 27, 28, 30, 31;
 * unpaired on 5-7; invalid on 10-26.
 */
class Gdelt2RowReaderTest {

    private static final String FIXTURE = "20240117093000.export.CSV";
    private static final Instant ADDED = Instant.parse("2024-01-17T09:30:00Z");

    private final List<Row> rows = read(FIXTURE, Format.GDELT2, ActorLevel.COUNTRY);

    @Test
    void everyNonBlankLineIsExactlyOneRowWithItsLineNumber() {
        assertEquals(30, rows.size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L,
                21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 30L, 31L), rows.stream().map(Row::line).toList());
        assertEquals(10, count(rows, Row.Valid.class));
        assertEquals(3, count(rows, Row.Unpaired.class));
        assertEquals(17, count(rows, Row.Invalid.class));
    }

    @Test
    void mapsEveryFieldOfAFullRow() {
        var expected = new Incident("gdelt-1151000001", ADDED, "IRN", "PAK", "195", -10.0, 0, 2 / 3.0,
                "IRAN → PAKISTAN: 195", "https://news.example.org/world/iran-strikes-panjgur",
                json("{\"country\":\"PK\",\"name\":\"Panjgur, Balochistan, Pakistan\",\"lat\":26.9644,\"lon\":64.0903}"));
        assertEquals(expected, incident(rows, 1));
    }

    @Test
    void aRowWithoutActionGeoHasNoLocationAndFiveSourcesGiveFullConfidence() {
        var expected = new Incident("gdelt-1151000002", ADDED, "PAK", "IRN", "036", 4.0, 0, 1.0,
                "PAKISTAN → IRAN: 036", "https://news.example.org/1151000002", null);
        assertEquals(expected, incident(rows, 2));
    }

    @Test
    void restoresLeadingZerosFromTheRootCodeInTheOfficialLayoutToo() {
        Incident hostVisit = incident(rows, 3);
        assertEquals("043", hostVisit.cameo());
        assertEquals("TEHRAN → ISLAMABAD: 043", hostVisit.summary());
        assertEquals(json("{\"country\":\"IR\",\"name\":\"Koh-i-Sabz, Sistan va Baluchestan, Iran\",\"lat\":27.2,\"lon\":62.8}"),
                hostVisit.location());
        assertEquals("04", incident(rows, 31).cameo(), "one-digit code 4 under root 4");
    }

    @Test
    void keepsLeadingZerosGdeltWroteAndLeavesGoldsteinToTheTableWhenEmpty() {
        var expected = new Incident("gdelt-1151000027", Instant.parse("2024-01-17T09:45:00Z"), "AFG", "PAK", "0231",
                null, 0, 1.0, "AFGHANISTAN → PAKISTAN: 0231", "https://news.example.org/1151000027", null);
        assertEquals(expected, incident(rows, 27));
    }

    @Test
    void anActorWithoutCountryIsItsKnownGroup() {
        Incident taliban = incident(rows, 4);
        assertEquals("TAL", taliban.source());
        assertEquals("AFG", taliban.target());
        assertEquals("TALIBAN → AFGHANISTAN: 190", taliban.summary());
        Incident hamas = incident(rows, 28);
        assertEquals("HMS", hamas.target());
        assertEquals("ISRAEL → HAMAS \"QASSAM\" BRIGADES: 190", hamas.summary(), "a quote is an ordinary character");
        assertEquals(null, hamas.url(), "an empty SOURCEURL is no url");
    }

    @Test
    void quotesInsideTabSeparatedFieldsAreKeptAsWritten() {
        Incident strike = incident(rows, 9);
        assertEquals("https://news.example.org/live?title=\"ceasefire\"&id=9", strike.url());
        assertEquals("\"Kyiv\", Kyyiv, Misto, Ukraine", strike.location().get("name").asText());
        assertEquals(1 / 3.0, strike.confidence(), "one source");
    }

    @Test
    void aDomesticRowIsValid() {
        Incident domestic = incident(rows, 8);
        assertEquals("USA", domestic.source());
        assertEquals("USA", domestic.target());
        assertTrue(domestic.isDomestic());
    }

    @Test
    void rowsNamingNoCountryOrGroupOnASideAreUnpairedWithTheReason() {
        assertEquals(new Row.Unpaired(5, "Actor1 \"COP\" has no country or known group"), line(rows, 5));
        assertEquals(new Row.Unpaired(6, "Actor2 is empty"), line(rows, 6));
        assertEquals(new Row.Unpaired(7, "Actor1 is empty; Actor2 \"MIL\" has no country or known group"), line(rows, 7));
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            10 | record         | record: expected 61 tab-separated columns, got 12
            11 | record         | record: expected 61 tab-separated columns, got 62
            12 | DATEADDED      | DATEADDED: not a UTC date-time YYYYMMDDHHMMSS: "20240230093000"
            13 | DATEADDED      | DATEADDED: required, a UTC date-time YYYYMMDDHHMMSS
            14 | DATEADDED      | DATEADDED: not a UTC date-time YYYYMMDDHHMMSS: "20240117"
            15 | NumSources     | NumSources: must be a whole number >= 1 (confidence is min(1, NumSources/3)), got "0"
            16 | NumSources     | NumSources: must be a whole number >= 1 (confidence is min(1, NumSources/3)), got ""
            17 | GoldsteinScale | GoldsteinScale: must be a number, got "abc"
            18 | goldstein      | goldstein: must be a number in [-10, 10], got -12.0
            19 | cameo          | cameo: must be 2-4 digits, got "---"
            20 | EventCode      | EventCode: "231" is not a code under its EventRootCode "19"
            21 | GLOBALEVENTID  | GLOBALEVENTID: must be a whole number, got "X1151000021"
            22 | occurredAt     | occurredAt: 2024-03-01T12:00:00Z is more than PT30M in the future (after 2024-02-01T00:30:00Z)
            23 | source         | source: actor code must match [A-Z0-9_]{2,32}, got "irn"
            24 | ActionGeo_Lat  | ActionGeo_Lat: must be a number, got "north"
            25 | occurredAt     | occurredAt: 1969-12-31T23:59:59Z is before 1970-01-01T00:00:00Z, which Kafka timestamps cannot express
            26 | cameo          | cameo: unknown CAMEO code "99" (neither it nor a parent code is in the Goldstein table)
            """)
    void anInvalidRowNamesTheFieldAndValue(long lineNumber, String field, String reason) {
        Row.Invalid invalid = assertInstanceOf(Row.Invalid.class, line(rows, lineNumber));
        assertEquals(field, invalid.field());
        assertEquals(reason, invalid.reason());
    }

    @Test
    void anInvalidRowCarriesTheLineAsRead() {
        Row.Invalid truncated = assertInstanceOf(Row.Invalid.class, line(rows, 10));
        assertEquals("1151000010\t20240117\t202401\t2024\t2024.0466\tIRN\tIRAN\tIRN\t\t\t\t", truncated.raw());
    }

    @Test
    void actorLevelActorUsesTheFullCodesOfTheSameRows() {
        List<Row> byActor = read(FIXTURE, Format.GDELT2, ActorLevel.ACTOR);
        List<String> dyads = byActor.stream().filter(Row.Valid.class::isInstance)
                .map(r -> (Incident) ((Row.Valid) r).record()).map(i -> i.source() + ">" + i.target()).toList();
        assertEquals(List.of("IRNMIL>PAK", "PAKGOV>IRN", "IRNGOV>PAKGOV", "TAL>AFGGOV", "USAGOV>USA", "RUS>UKR",
                "AFG>PAK", "ISRMIL>HMS", "PAKMIL>IRNREB", "IRN>IRQ"), dyads);
        assertEquals(rows.stream().filter(Row.Unpaired.class::isInstance).toList(),
                byActor.stream().filter(Row.Unpaired.class::isInstance).toList(),
                "the actor level pairs no row the country level leaves unpaired");
        assertEquals("IRAN → PAKISTAN: 195", incident(byActor, 1).summary());
    }

    @Test
    void aReaderSaysItsFormatAndEndsCleanly() throws Exception {
        try (var reader = new Gdelt2RowReader(new BufferedReader(new StringReader("\n\n")), GdeltFixtures.settings(ActorLevel.COUNTRY))) {
            assertEquals(Format.GDELT2, reader.format());
            assertFalse(reader.hasNext());
            assertFalse(reader.hasNext());
            assertThrows(NoSuchElementException.class, reader::next);
        }
    }

    @Test
    void aNumberTooLargeForADoubleIsNoNumber() throws Exception {
        String first;
        try (var in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/gdelt/" + FIXTURE), StandardCharsets.UTF_8))) {
            first = in.readLine();
        }
        Row row = GdeltFixtures.readText(first.replace("\t26.9644\t", "\t1e400\t"), Format.GDELT2).get(0);
        assertEquals("ActionGeo_Lat: must be a number, got \"1e400\"", assertInstanceOf(Row.Invalid.class, row).reason());
    }

    @Test
    void garbageIsAnInvalidRowNotAnException() {
        List<Row> garbage = GdeltFixtures.readText("\uFEFF\u0000\u00ff\"\"\"\tx\n{\"id\":1}\n\t\t\n", Format.GDELT2);
        assertEquals(3, garbage.size());
        garbage.forEach(r -> assertEquals("record", assertInstanceOf(Row.Invalid.class, r).field()));
    }
}
