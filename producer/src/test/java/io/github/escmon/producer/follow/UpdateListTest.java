package io.github.escmon.producer.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class UpdateListTest {

    private static final URI LIST = URI.create("http://data.gdeltproject.org/gdeltv2/lastupdate.txt");

    private static String fixture() throws Exception {
        try (InputStream in = UpdateListTest.class.getResourceAsStream("/follow/lastupdate.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theExportLineOfTheThreeGivesTheLatestFileItsSizeAndMd5() throws Exception {
        ExportFile latest = UpdateList.latestExport(fixture(), LIST);
        assertEquals("20240118011500.export.CSV.zip", latest.name());
        assertEquals(Instant.parse("2024-01-18T01:15:00Z"), latest.time());
        assertEquals(151062, latest.size());
        assertEquals("c4a1fd1c9b3f2e6a8b5d0e7f9a2c4b61", latest.md5());
        assertEquals(URI.create("http://data.gdeltproject.org/gdeltv2/20240118011500.export.CSV.zip"), latest.uri());
    }

    @Test
    void aListWithoutAnExportLineIsRejectedSayingWhatCame() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> UpdateList.latestExport("<html>Service Unavailable</html>", LIST));
        assertTrue(e.getMessage().contains("names no .export.CSV.zip file") && e.getMessage().contains("Service Unavailable"),
                e.getMessage());
    }
}
