package io.github.escmon.producer.acled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.Json;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import io.github.escmon.producer.source.Sources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class AcledRowReaderTest {

    private static final String SAMPLE = "/acled/acled-sample.csv";
    private static final String REORDERED = "/acled/acled-reordered.csv";
    private static final SourceSettings SETTINGS = SourceSettings.of(IncidentValidator.standard());

    @Test
    void everyDataRowOfTheSampleIsExactlyOneRowAndTheKindsAddUp() throws IOException {
        List<Row> rows = read(SAMPLE);
        long valid = rows.stream().filter(Row.Valid.class::isInstance).count();
        long unpaired = rows.stream().filter(Row.Unpaired.class::isInstance).count();
        long invalid = rows.stream().filter(Row.Invalid.class::isInstance).count();
        // counted by hand from the fixture: 43 data rows (46 lines: header, one note over two lines, one blank line)
        assertEquals(28, valid);
        assertEquals(3, unpaired);
        assertEquals(12, invalid);
        assertEquals(43, valid + unpaired + invalid);
        // and Jackson, reading the whole file its own way, sees as many data records
        assertEquals(dataRecordsByJackson(SAMPLE), rows.size());
        assertEquals(rows.size(), rows.stream().map(Row::line).distinct().count(), "one row per line number");
    }

    @Test
    void aStrikeBecomesAnIncidentFromActor1ToActor2WithEveryField() throws IOException {
        Incident strike = incident(byLine(read(SAMPLE)).get(2L));
        assertEquals("acled-PAK9001", strike.id());
        assertEquals(Instant.parse("2024-01-16T00:00:00Z"), strike.occurredAt());
        assertEquals("IRN", strike.source());
        assertEquals("JAISH_AL_ADL", strike.target());
        assertEquals("195", strike.cameo());
        assertEquals(2, strike.fatalities());
        assertEquals(1.0, strike.confidence());
        assertEquals("On 16 January 2024, the IRGC struck two sites of Jaish al-Adl near Sabz Koh (Panjgur) with missiles"
                + " and drones. Pakistan said two children were killed. (source: Dawn; Reuters)", strike.summary());
        assertNull(strike.url(), "ACLED has no url; its source is a publication name");
        assertEquals(Json.MAPPER.readTree("{\"country\":\"Pakistan\",\"admin1\":\"Balochistan\",\"location\":\"Sabz Koh\","
                + "\"lat\":26.965,\"lon\":64.092}"), strike.location());
    }

    @Test
    void rowsAreNumberedByThePhysicalLineTheyStartOn() throws IOException {
        Map<Long, Row> rows = byLine(read(SAMPLE));
        assertEquals("acled-IRN9002", incident(rows.get(3L)).id(), "the note of this row runs over lines 3 and 4");
        assertFalse(rows.containsKey(4L));
        assertEquals("acled-PAK9003", incident(rows.get(5L)).id());
        assertFalse(rows.containsKey(24L), "line 24 is blank");
        assertEquals("acled-IRQ9021", incident(rows.get(25L)).id());
        assertEquals("acled-SOM9030", incident(rows.get(34L)).id());
    }

    @Test
    void quotedNotesKeepTheirCommasQuotesAndLineBreaksAsOneSummaryLine() throws IOException {
        Incident strike = incident(byLine(read(SAMPLE)).get(3L));
        assertEquals("Pakistan struck what it called \"terrorist hideouts\" near Saravan, in an operation it named"
                + " \"Marg Bar Sarmachar\". Iran said nine people were killed, among them women and children."
                + " (source: IRNA; Dawn)", strike.summary());
        assertEquals("PAK", strike.source());
        assertEquals("BLF_BALOCHISTAN_LIBERATION_FRONT", strike.target(), "exactly 32 characters: no hash");
    }

    @Test
    void bothDateFormatsOfAcledExportsGiveTheDayAtMidnightUtc() throws IOException {
        Map<Long, Row> rows = byLine(read(SAMPLE));
        assertEquals(Instant.parse("2024-01-18T00:00:00Z"), incident(rows.get(3L)).occurredAt(), "18 January 2024");
        assertEquals(Instant.parse("2024-04-14T00:00:00Z"), incident(rows.get(20L)).occurredAt(), "14 April 2024");
        assertEquals(Instant.parse("2024-01-19T00:00:00Z"), incident(rows.get(5L)).occurredAt(), "2024-01-19");
    }

    @Test
    void aRowWithoutActor2IsUnpairedAndNamesActor1() throws IOException {
        Map<Long, Row> rows = byLine(read(SAMPLE));
        for (long line : new long[] {11, 19, 21}) {
            assertInstanceOf(Row.Unpaired.class, rows.get(line), "line " + line);
        }
        assertEquals("no actor2: \"Protesters (Pakistan)\" alone (Peaceful protest)", ((Row.Unpaired) rows.get(11L)).reason());
    }

    @Test
    void twoForcesOfOneStateMakeAValidDomesticIncident() throws IOException {
        Incident clash = incident(byLine(read(SAMPLE)).get(31L));
        assertEquals("IRN", clash.source());
        assertEquals("IRN", clash.target());
        assertTrue(clash.isDomestic());
    }

    @Test
    void aDateKnownOnlyToTheWeekOrMonthLowersConfidence() throws IOException {
        Map<Long, Row> rows = byLine(read(SAMPLE));
        assertEquals(0.75, incident(rows.get(10L)).confidence(), "time_precision 2");
        assertEquals(0.5, incident(rows.get(28L)).confidence(), "time_precision 3");
        assertEquals(1.0, incident(rows.get(5L)).confidence(), "time_precision 1");
    }

    @Test
    void longNotesAreCutToFiveHundredCharactersBeforeTheSource() throws IOException {
        String summary = incident(byLine(read(SAMPLE)).get(15L)).summary();
        assertTrue(summary.endsWith("… (source: Dawn)"), summary);
        assertEquals(500, summary.substring(0, summary.length() - " (source: Dawn)".length()).length());
    }

    @Test
    void brokenRowsAreInvalidNamingTheColumnAtFaultAndKeepTheRowAsRead() throws IOException {
        Map<Long, Row> rows = byLine(read(SAMPLE));
        Map<Long, String> expected = new LinkedHashMap<>();
        expected.put(35L, "event_date");      // 2024-02-30
        expected.put(36L, "event_date");      // 30 Febuary 2024
        expected.put(37L, "event_type");      // Remote violence (old codebook)
        expected.put(38L, "sub_event_type");  // Shootout
        expected.put(39L, "record");          // 12 columns
        expected.put(40L, "record");          // 32 columns: an unquoted comma in the notes
        expected.put(41L, "fatalities");      // several
        expected.put(42L, "event_id_cnty");   // empty
        expected.put(43L, "occurredAt");      // 2099-01-01, in the future
        expected.put(44L, "actor1");          // empty
        expected.put(45L, "time_precision");  // 4
        expected.put(46L, "latitude");        // north
        expected.forEach((line, field) -> {
            Row.Invalid invalid = assertInstanceOf(Row.Invalid.class, rows.get(line), "line " + line);
            assertEquals(field, invalid.field(), "line " + line + ": " + invalid.reason());
        });
        assertTrue(((Row.Invalid) rows.get(37L)).reason().contains("\"Remote violence\""));
        assertTrue(((Row.Invalid) rows.get(38L)).reason().contains("\"Shootout\""));
        assertTrue(((Row.Invalid) rows.get(36L)).reason().contains("\"30 Febuary 2024\""));
        assertTrue(((Row.Invalid) rows.get(39L)).reason().contains("expected 31, found 12"));
        assertTrue(((Row.Invalid) rows.get(41L)).reason().contains("\"several\""));
        assertTrue(((Row.Invalid) rows.get(39L)).raw().startsWith("PAK9035,2024-02-20,"));
    }

    @Test
    void aStrayQuoteCostsItsOwnRowOnlyAndReadingGoesOnAfterIt() {
        String csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,notes\n"
                + "PAK1,2024-01-16,Battles,Armed clash,Military Forces of Pakistan (2018-),Jaish al-Adl,\"never closed\n"
                + "PAK2,2024-01-17,Battles,Armed clash,Military Forces of Pakistan (2018-),Jaish al-Adl,fine\n";
        List<Row> rows = read(new BufferedReader(new StringReader(csv)));
        assertEquals(2, rows.size());
        Row.Invalid stray = assertInstanceOf(Row.Invalid.class, rows.get(0));
        assertEquals(2, stray.line());
        assertEquals("record", stray.field());
        assertFalse(stray.raw().contains("PAK2"));
        assertEquals(3, rows.get(1).line());
        assertEquals("acled-PAK2", incident(rows.get(1)).id());
    }

    @Test
    void derivedActorCodesListEveryCodeMadeUpFromANameAndNoCountryCode() throws IOException {
        try (RowReader reader = open(SAMPLE)) {
            reader.forEachRemaining(row -> { });
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("BLF_BALOCHISTAN_LIBERATION_FRONT", "BLF: Balochistan Liberation Front");
            expected.put("CIVILIANS_IND", "Civilians (India)");
            expected.put("CIVILIANS_IRN", "Civilians (Iran)");
            expected.put("CIVILIANS_MMR", "Civilians (Myanmar)");
            expected.put("CIVILIANS_NGA", "Civilians (Nigeria)");
            expected.put("CIVILIANS_PAK", "Civilians (Pakistan)");
            expected.put("CIVILIANS_SYR", "Civilians (Syria)");
            expected.put("DHULBAHANTE_CLAN_MILITIA_SOM", "Dhulbahante Clan Militia (Somalia)");
            expected.put("HTS_HAYAT_TAHRIR_AL_SHAM", "HTS: Hayat Tahrir al-Sham");
            expected.put("ISLAMIC_STATE_KHORASAN_PROVINCE", "Islamic State (Khorasan Province)");
            expected.put("JAISH_AL_ADL", "Jaish al-Adl");
            expected.put("M23_MARCH_23_MOVEMENT", "M23: March 23 Movement");
            expected.put("PROTESTERS_IRN", "Protesters (Iran)");
            expected.put("PROTESTERS_SWZ", "Protesters (eSwatini)");
            expected.put("PTI_PAKISTAN_TEHREEK_E_INSAF", "PTI: Pakistan Tehreek-e-Insaf");
            expected.put("RIOTERS_IND", "Rioters (India)");
            expected.put("RIOTERS_PAK", "Rioters (Pakistan)");
            expected.put("SOMALILAND", "Military Forces of Somaliland (1991-)");
            expected.put("TTP_TEHRIK_I_TALIBAN_PAKISTAN", "TTP: Tehrik-i-Taliban Pakistan");
            expected.put("UNIDENTIFIED_ARMED_GROUP_IND", "Unidentified Armed Group (India)");
            expected.put("UNIDENTIFIED_ARMED_GROUP_PAK", "Unidentified Armed Group (Pakistan)");
            expected.put("UNIDENTIFIED_ARMED_GROUP_SYR", "Unidentified Armed Group (Syria)");
            expected.put("UNIDENTIFIED_COMMUNAL_EB7179_NGA", "Unidentified Communal Militia (Nigeria)");
            assertEquals(expected, reader.derivedActorCodes());
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(reader.derivedActorCodes().keySet()), "sorted by code");
        }
    }

    @Test
    void columnsAreReadByNameInAnyOrderAndCaseWithExtraColumnsIgnored() throws IOException {
        Map<Long, Row> rows = byLine(read(REORDERED));
        assertEquals(List.of(2L, 3L, 5L, 6L, 7L), List.copyOf(rows.keySet()), "BOM header, CRLF lines, one note over lines 3-4");
        assertEquals(incident(byLine(read(SAMPLE)).get(2L)), incident(rows.get(2L)), "the same event as in the sample");
        assertEquals("Pakistan said its strike, \"a precise one\", hit militants, not Iranian citizens. (source: IRNA)",
                incident(rows.get(3L)).summary());
        assertInstanceOf(Row.Unpaired.class, rows.get(5L));
        Row.Invalid old = assertInstanceOf(Row.Invalid.class, rows.get(6L));
        assertEquals("event_type", old.field());
        assertTrue(old.reason().contains("\"Battle-No change of territory\""), old.reason());
        Incident clash = incident(rows.get(7L));
        assertEquals("190", clash.cameo(), "types match ignoring case and repeated spaces");
        assertEquals("Police and militants fought in Bannu.", clash.summary(), "no source column value: no source note");
    }

    @Test
    void aHeaderWithoutARequiredColumnMakesEachRowInvalidNamingTheColumn() throws IOException {
        String csv = "event_id_cnty,event_date,event_type,sub_event_type,actor1,fatalities\n"
                + "PAK1,2024-01-16,Battles,Armed clash,Military Forces of Pakistan (2018-),1\n"
                + "PAK2,2024-01-17,Battles,Armed clash,Military Forces of Pakistan (2018-),0\n";
        List<Row> rows = read(new BufferedReader(new StringReader(csv)));
        assertEquals(2, rows.size());
        for (Row row : rows) {
            Row.Invalid invalid = assertInstanceOf(Row.Invalid.class, row);
            assertEquals("actor2", invalid.field());
            assertEquals("actor2: the header has no such column", invalid.reason());
        }
    }

    @Test
    void anEmptyFileOrAHeaderAloneHasNoRows() {
        assertEquals(List.of(), read(new BufferedReader(new StringReader(""))));
        assertEquals(List.of(), read(new BufferedReader(new StringReader("event_id_cnty,event_date,actor1,actor2\n\n"))));
    }

    @Test
    void aHeaderThatDoesNotParseIsAnErrorOfTheFileNotOfARow() {
        var reader = new AcledRowReader(new BufferedReader(new StringReader("event_id_cnty,\"event_date\"x\nA,B\n")), SETTINGS);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, reader::hasNext);
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void sourcesOpenAcledWithThisReader() throws IOException {
        try (RowReader reader = Sources.open(reader(SAMPLE), Format.ACLED, SETTINGS)) {
            assertEquals(Format.ACLED, reader.format());
            assertInstanceOf(Row.Valid.class, reader.next());
        }
    }

    private static Incident incident(Row row) {
        Row.Valid valid = assertInstanceOf(Row.Valid.class, row, () -> String.valueOf(row));
        return assertInstanceOf(Incident.class, valid.record());
    }

    private static Map<Long, Row> byLine(List<Row> rows) {
        Map<Long, Row> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(r.line(), r));
        return map;
    }

    private static List<Row> read(String resource) throws IOException {
        try (BufferedReader in = reader(resource)) {
            return read(in);
        }
    }

    private static List<Row> read(BufferedReader in) {
        List<Row> rows = new ArrayList<>();
        new AcledRowReader(in, SETTINGS).forEachRemaining(rows::add);
        return rows;
    }

    private static RowReader open(String resource) {
        return new AcledRowReader(reader(resource), SETTINGS);
    }

    private static BufferedReader reader(String resource) {
        InputStream in = Objects.requireNonNull(AcledRowReaderTest.class.getResourceAsStream(resource), resource);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Data records as Jackson's streaming CSV parser counts them over the whole file (header excluded). */
    private static long dataRecordsByJackson(String resource) throws IOException {
        try (BufferedReader in = reader(resource);
             MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                     .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(in)) {
            long records = 0;
            while (it.hasNextValue()) {
                it.nextValue();
                records++;
            }
            return records - 1;
        }
    }
}
