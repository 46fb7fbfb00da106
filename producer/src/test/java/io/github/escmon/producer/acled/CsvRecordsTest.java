package io.github.escmon.producer.acled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void aQuotedFieldMayHoldCommasDoubledQuotesAndLineBreaks() {
        List<CsvRecords.CsvRecord> records = split("h1,h2\n1,\"a, \"\"b\"\"\nc\n\"\n2,x\n");
        assertEquals(List.of(
                new CsvRecords.CsvRecord(1, "h1,h2"),
                new CsvRecords.CsvRecord(2, "1,\"a, \"\"b\"\"\nc\n\""),
                new CsvRecords.CsvRecord(5, "2,x")), records);
    }

    @Test
    void aLineEndingInADoubledQuoteIsStillInsideTheField() {
        assertEquals(List.of(new CsvRecords.CsvRecord(1, "1,\"say \"\"\nhi\"\"\""), new CsvRecords.CsvRecord(3, "2")),
                split("1,\"say \"\"\nhi\"\"\"\n2\n"));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsJustACharacter() {
        assertEquals(List.of(new CsvRecords.CsvRecord(1, "1,a 5\" gun,b"), new CsvRecords.CsvRecord(2, "2")),
                split("1,a 5\" gun,b\n2\n"));
    }

    @Test
    void blankLinesAreSkippedButCountedAndAByteOrderMarkIsDropped() {
        assertEquals(List.of(new CsvRecords.CsvRecord(1, "h"), new CsvRecords.CsvRecord(4, "x")),
                split("\uFEFFh\r\n\r\n   \r\nx\r\n"));
    }

    @Test
    void aQuoteThatNeverClosesIsReturnedAloneAndTheNextLinesAreReadAgain() {
        assertEquals(List.of(
                new CsvRecords.CsvRecord(1, "1,\"open"),
                new CsvRecords.CsvRecord(2, "2,x"),
                new CsvRecords.CsvRecord(3, "3,y")), split("1,\"open\n2,x\n3,y\n"));
    }

    @Test
    void aQuotedFieldOpenPastTheLimitIsTakenForAStrayQuote() {
        String filler = ("z".repeat(999) + "\n").repeat(CsvRecords.MAX_RECORD_CHARS / 1000 + 1);
        List<CsvRecords.CsvRecord> records = split("1,\"open\n" + filler + "2,\"closes\"\"\"\n");
        assertEquals(new CsvRecords.CsvRecord(1, "1,\"open"), records.get(0));
        assertEquals(new CsvRecords.CsvRecord(2, "z".repeat(999)), records.get(1));
        CsvRecords.CsvRecord last = records.get(records.size() - 1);
        assertEquals("2,\"closes\"\"\"", last.text());
        assertEquals(CsvRecords.MAX_RECORD_CHARS / 1000 + 3, last.line());
    }

    private static List<CsvRecords.CsvRecord> split(String text) {
        CsvRecords records = new CsvRecords(new BufferedReader(new StringReader(text)));
        List<CsvRecords.CsvRecord> all = new ArrayList<>();
        for (CsvRecords.CsvRecord r; (r = records.next()) != null; ) {
            all.add(r);
        }
        assertNull(records.next());
        return all;
    }
}
