package io.github.escmon.producer.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @Test
    void namesAsPublishersNameThemTellTheFormat() {
        assertEquals(Optional.of(Format.GDELT2), FormatDetector.byName("20240117093000.export.CSV.zip"));
        assertEquals(Optional.of(Format.GDELT1), FormatDetector.byName("20130815.export.CSV"));
        assertEquals(Optional.of(Format.JSONL), FormatDetector.byName("story.jsonl.gz"));
        assertEquals(Optional.empty(), FormatDetector.byName("export.csv"));
    }

    @Test
    void otherwiseTheFirstLineDoes() {
        assertEquals(Optional.of(Format.JSONL), FormatDetector.byFirstLine("{\"id\":\"x\"}"));
        assertEquals(Optional.of(Format.ACLED), FormatDetector.byFirstLine("data_id,iso,event_id_cnty,event_date"));
        assertEquals(Optional.of(Format.GDELT2), FormatDetector.byFirstLine("1" + "\t".repeat(60)));
        assertEquals(Optional.of(Format.GDELT1), FormatDetector.byFirstLine("1" + "\t".repeat(57)));
        assertEquals(Optional.of(Format.GDELT1), FormatDetector.byFirstLine("GLOBALEVENTID,SQLDATE,MonthYear"));
        assertEquals(Optional.of(Format.GDELT1), FormatDetector.byFirstLine("\"1\"" + ",\"a,b\"".repeat(56)));
        assertEquals(Optional.empty(), FormatDetector.byFirstLine("a,b,c"));
    }
}
