package io.github.escmon.producer.gdelt;

import static io.github.escmon.producer.gdelt.GdeltFixtures.count;
import static io.github.escmon.producer.gdelt.GdeltFixtures.incident;
import static io.github.escmon.producer.gdelt.GdeltFixtures.json;
import static io.github.escmon.producer.gdelt.GdeltFixtures.line;
import static io.github.escmon.producer.gdelt.GdeltFixtures.read;
import static io.github.escmon.producer.gdelt.GdeltFixtures.readText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Incident;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.SourceSettings.ActorLevel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Gdelt1RowReaderTest {

    private static Instant day(String date) {
        return Instant.parse(date + "T00:00:00Z");
    }

    /** {@code 20130815.export.CSV}: the daily layout (58 columns), a 57-column row on line 10. */
    @Nested
    class DailyFile {

        private final List<Row> rows = read("20130815.export.CSV", Format.GDELT1, ActorLevel.COUNTRY);

        @Test
        void countsAddUp() {
            assertEquals(10, rows.size());
            assertEquals(7, count(rows, Row.Valid.class));
            assertEquals(1, count(rows, Row.Unpaired.class));
            assertEquals(2, count(rows, Row.Invalid.class));
        }

        @Test
        void mapsEveryFieldOfAFullRowDatedBySqlDate() {
            var expected = new Incident("gdelt-271820001", day("2013-08-14"), "EGY", "EGY", "190", -10.0, 0, 1.0,
                    "EGYPT → MUSLIM BROTHERHOOD: 190", "http://news.example.com/2013/08/egypt-clashes.html",
                    json("{\"country\":\"EG\",\"name\":\"Cairo, Al Qahirah, Egypt\",\"lat\":30.05,\"lon\":31.25}"));
            assertEquals(expected, incident(rows, 1));
        }

        @Test
        void restoresLostLeadingZerosFromTheRootCode() {
            var expected = new Incident("gdelt-271820002", day("2013-08-14"), "USA", "CHN", "040", 1.0, 0, 2 / 3.0,
                    "UNITED STATES → CHINA: 040", "http://news.example.com/271820002.html", null);
            assertEquals(expected, incident(rows, 2));
            assertEquals("0231", incident(rows, 3).cameo());
            assertEquals("010", incident(rows, 10).cameo());
            assertEquals("1031", incident(rows, 8).cameo(), "a code under a two-digit root is left alone");
            assertEquals("14", incident(rows, 9).cameo());
        }

        @Test
        void datesBySqlDateNotByTheDayItWasAddedUnlessDateAddedCarriesATime() {
            assertEquals(day("2013-08-13"), incident(rows, 3).occurredAt(), "SQLDATE 20130813, DATEADDED 20130815");
            assertEquals(Instant.parse("2013-08-15T09:30:00Z"), incident(rows, 4).occurredAt(), "DATEADDED 20130815093000");
        }

        @Test
        void aBackfileRowInADailyFileIsReadWithoutUrl() {
            Incident backfile = incident(rows, 10);
            assertEquals("gdelt-271820010", backfile.id());
            assertEquals(null, backfile.url());
            assertEquals("USA", backfile.source());
            assertEquals("EGY", backfile.target());
        }

        @Test
        void keepsQuotesAndDomesticRows() {
            assertEquals("http://news.example.com/opinion?q=\"drones\"", incident(rows, 8).url());
            assertTrue(incident(rows, 9).isDomestic());
        }

        @Test
        void badRowsSayWhy() {
            Row.Invalid badDate = assertInstanceOf(Row.Invalid.class, line(rows, 5));
            assertEquals("SQLDATE", badDate.field());
            assertEquals("SQLDATE: not a date YYYYMMDD: \"20131345\"", badDate.reason());
            Row.Invalid truncated = assertInstanceOf(Row.Invalid.class, line(rows, 7));
            assertEquals("record: expected 57 or 58 tab-separated columns, got 8", truncated.reason());
            assertEquals(new Row.Unpaired(6, "Actor1 \"GOV\" has no country or known group"), line(rows, 6));
        }

        @Test
        void actorLevelActorUsesTheFullCodes() {
            List<Row> byActor = read("20130815.export.CSV", Format.GDELT1, ActorLevel.ACTOR);
            Incident clash = incident(byActor, 1);
            assertEquals("EGYMIL", clash.source());
            assertEquals("EGYOPP", clash.target());
            assertEquals("CHNGOV", incident(byActor, 3).source());
        }
    }

    /** {@code 200601.csv}: the historical backfile layout (57 columns, no SOURCEURL). */
    @Nested
    class Backfile {

        private final List<Row> rows = read("200601.csv", Format.GDELT1, ActorLevel.COUNTRY);

        @Test
        void readsTheLayoutWithoutSourceUrl() {
            var expected = new Incident("gdelt-4560001", day("2006-01-05"), "ISR", "PSE", "190", -10.0, 0, 1.0,
                    "ISRAEL → PALESTINE: 190", null,
                    json("{\"country\":\"IS\",\"name\":\"Gaza, Gaza Strip, Israel (general)\",\"lat\":31.5,\"lon\":34.4667}"));
            assertEquals(expected, incident(rows, 1));
            assertEquals("111", incident(rows, 2).cameo());
            assertEquals(new Row.Unpaired(3, "Actor2 is empty"), line(rows, 3));
            assertEquals("record: expected 57 or 58 tab-separated columns, got 56",
                    assertInstanceOf(Row.Invalid.class, line(rows, 4)).reason());
        }
    }

    /**
     * {@code gdelt1-quoted-with-header.csv}: a re-export, comma-separated and quoted, NULL for empty, header on
     * line 1; {@code gdelt1-quoted-no-header.csv}: the same rows without the header, one line earlier.
     */
    @Nested
    class QuotedReExport {

        private final List<Row> withHeader = read("gdelt1-quoted-with-header.csv", Format.GDELT1, ActorLevel.COUNTRY);
        private final List<Row> noHeader = read("gdelt1-quoted-no-header.csv", Format.GDELT1, ActorLevel.COUNTRY);

        @Test
        void theHeaderIsNoRowAndEveryOtherLineIsOne() {
            assertEquals(8, withHeader.size());
            assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), withHeader.stream().map(Row::line).toList());
            assertEquals(5, count(withHeader, Row.Valid.class));
            assertEquals(1, count(withHeader, Row.Unpaired.class));
            assertEquals(2, count(withHeader, Row.Invalid.class));
        }

        @Test
        void mapsAQuotedRowWithNullsAsTheOfficialLayout() {
            var expected = new Incident("gdelt-760350001", day("2018-05-30"), "USA", "CHN", "163", -8.0, 0, 1.0,
                    "UNITED STATES → CHINA: 163", "http://trade.example.com/2018/05/tariffs-announced/",
                    json("{\"country\":\"US\",\"name\":\"Washington, District of Columbia, United States\","
                            + "\"lat\":38.8951,\"lon\":-77.0364}"));
            assertEquals(expected, incident(withHeader, 2));
            assertEquals(expected, incident(noHeader, 1));
        }

        @Test
        void restoresTheLeadingZerosTheReExportLost() {
            var expected = new Incident("gdelt-760350002", day("2018-05-30"), "CHN", "USA", "040", 1.0, 0, 1 / 3.0,
                    "BEIJING → UNITED STATES: 040", "http://news.example.com/760350002.html", null);
            assertEquals(expected, incident(withHeader, 3));
            assertEquals("0231", incident(withHeader, 4).cameo());
            assertEquals("010", incident(withHeader, 6).cameo());
            assertEquals("0231", incident(noHeader, 3).cameo());
        }

        @Test
        void commasAndDoubledQuotesInsideQuotedFields() {
            Incident tariffs = incident(withHeader, 9);
            assertEquals("WHITE HOUSE, WASHINGTON → CHINA: 1031", tariffs.summary());
            assertEquals("http://trade.example.com/2018/06/\"phase-one\"/", tariffs.url());
        }

        @Test
        void brokenRowsAreInvalidAndTheRestIsRead() {
            assertEquals("record: expected 58 comma-separated columns (as the header row), got 9",
                    assertInstanceOf(Row.Invalid.class, line(withHeader, 5)).reason());
            assertEquals("record: expected 57 or 58 comma-separated columns, got 9",
                    assertInstanceOf(Row.Invalid.class, line(noHeader, 4)).reason());
            Row.Invalid badQuote = assertInstanceOf(Row.Invalid.class, line(withHeader, 7));
            assertEquals("record", badQuote.field());
            assertTrue(badQuote.reason().startsWith("record: not a comma-separated row: "), badQuote.reason());
            assertEquals(new Row.Unpaired(8, "Actor2 \"COP\" has no country or known group"), line(withHeader, 8));
        }

        @Test
        void aHeaderPlacesColumnsByNameInAnyOrder() {
            String text = """
                    "SOURCEURL","EventRootCode","EventCode","NumSources","GoldsteinScale","Actor2Name","Actor2KnownGroupCode","Actor2CountryCode","Actor2Code","Actor1Name","Actor1KnownGroupCode","Actor1CountryCode","Actor1Code","SQLDATE","GLOBALEVENTID"
                    "http://example.com/a","2","231","2",NULL,"CHINA",NULL,"CHN","CHN","UNITED STATES",NULL,"USA","USAGOV","20180704","99"
                    """;
            var expected = new Incident("gdelt-99", day("2018-07-04"), "USA", "CHN", "0231", null, 0, 2 / 3.0,
                    "UNITED STATES → CHINA: 0231", "http://example.com/a", null);
            assertEquals(List.of(new Row.Valid(2, expected)), readText(text, Format.GDELT1));
        }

        @Test
        void aHeaderLackingAColumnMakesEveryRowInvalidSayingWhich() {
            String text = """
                    GLOBALEVENTID,SQLDATE,Actor1Code,Actor1CountryCode,Actor1KnownGroupCode,Actor2Code,Actor2CountryCode,Actor2KnownGroupCode,EventCode
                    1,20180704,USA,USA,,CHN,CHN,,190
                    """;
            Row.Invalid row = assertInstanceOf(Row.Invalid.class, readText(text, Format.GDELT1).get(0));
            assertEquals("record: the header row (line 1) has no column NumSources", row.reason());
        }

        @Test
        void aTabSeparatedFileWithAHeaderRowIsReadByName() throws IOException {
            String header;
            try (var in = new BufferedReader(new InputStreamReader(
                    getClass().getResourceAsStream("/gdelt/gdelt1-quoted-with-header.csv"), StandardCharsets.UTF_8))) {
                header = in.readLine().replace(',', '\t');
            }
            String row;
            try (var in = new BufferedReader(new InputStreamReader(
                    getClass().getResourceAsStream("/gdelt/20130815.export.CSV"), StandardCharsets.UTF_8))) {
                row = in.readLine();
            }
            List<Row> rows = readText(header + "\n" + row + "\n", Format.GDELT1);
            assertEquals(incident(read("20130815.export.CSV", Format.GDELT1, ActorLevel.COUNTRY), 1), incident(rows, 2));
        }
    }

    @Test
    void saysItsFormat() {
        var reader = new Gdelt1RowReader(new BufferedReader(new StringReader("")), GdeltFixtures.settings(ActorLevel.COUNTRY));
        assertEquals(Format.GDELT1, reader.format());
    }
}
