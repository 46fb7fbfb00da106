package io.github.escmon.producer.gdelt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.FormatDetector;
import io.github.escmon.producer.source.Inputs;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.SourceSettings.ActorLevel;
import io.github.escmon.producer.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GDELT files as published (zipped), opened and told apart by {@link Sources} and {@link FormatDetector}. */
class GdeltFilesTest {

    private static Path resource(String name) {
        try {
            return Path.of(GdeltFilesTest.class.getResource("/gdelt/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> open(Path file, Format format) throws IOException {
        return GdeltFixtures.readAll(Sources.open(file, format, GdeltFixtures.settings(ActorLevel.COUNTRY)));
    }

    @Test
    void theZipFixturesHoldExactlyThePlainOnes() throws IOException {
        for (String plain : List.of("20240117093000.export.CSV", "200601.csv")) {
            String zip = plain.endsWith(".csv") ? plain.replace(".csv", ".zip") : plain + ".zip";
            try (InputStream in = Inputs.open(resource(zip))) {
                assertArrayEquals(Files.readAllBytes(resource(plain)), in.readAllBytes(), zip);
            }
        }
    }

    @Test
    void aZippedGdelt2ExportIsToldByItsNameAndReadAsThePlainOne() throws IOException {
        Path zip = resource("20240117093000.export.CSV.zip");
        assertEquals(Format.GDELT2, FormatDetector.detect(zip));
        assertEquals(open(resource("20240117093000.export.CSV"), Format.GDELT2), open(zip, null));
    }

    @Test
    void theBytesReadOfAZipAreItsSizeOnDisk() throws IOException {
        Path zip = resource("20240117093000.export.CSV.zip");
        try (var rows = Sources.open(zip, null, GdeltFixtures.settings(ActorLevel.COUNTRY))) {
            rows.forEachRemaining(row -> { });
            assertEquals(Files.size(zip), rows.bytesRead());
        }
    }

    @Test
    void aBackfileZipIsToldByItsFirstRow() throws IOException {
        Path zip = resource("200601.zip");
        assertEquals(Format.GDELT1, FormatDetector.detect(zip), "57 tab-separated columns");
        assertEquals(open(resource("200601.csv"), Format.GDELT1), open(zip, null));
    }

    @Test
    void filesNamedOtherwiseAreToldByTheirFirstRow(@TempDir Path dir) throws IOException {
        Path v2 = Files.copy(resource("20240117093000.export.CSV"), dir.resolve("events.tsv"));
        Path v1 = Files.copy(resource("20130815.export.CSV"), dir.resolve("daily.tsv"));
        assertEquals(Format.GDELT2, FormatDetector.detect(v2));
        assertEquals(Format.GDELT1, FormatDetector.detect(v1));
        assertEquals(30, open(v2, null).size());
    }
}
