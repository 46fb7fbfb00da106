package io.github.escmon.producer.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.escmon.testkit.golden.Golden;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The official layouts agree with the column lists GDELT publishes. */
class GdeltLayoutTest {

    @Test
    void gdelt1LayoutsArePlacedAsTheHeaderOfTheFixtureNamesThem() throws IOException {
        String[] header;
        try (var in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/gdelt/gdelt1-quoted-with-header.csv"), StandardCharsets.UTF_8))) {
            header = in.readLine().split(",");
        }
        assertEquals(58, header.length);
        assertSamePlaces(GdeltLayout.fromHeader(header), GdeltLayout.V1_DAILY);
        assertEquals(-1, GdeltLayout.V1_BACKFILE.position(GdeltColumn.SOURCEURL));
        assertEquals(GdeltLayout.V1_DAILY.position(GdeltColumn.DATEADDED), GdeltLayout.V1_BACKFILE.position(GdeltColumn.DATEADDED));
    }

    @Test
    void gdelt2LayoutIsPlacedAsTheSharedColumnLabelsNameIt() throws IOException {
        Optional<Path> labels = Golden.shared("data/cameo/GDELT_2.0_Events_Column_Labels.csv");
        assumeTrue(labels.isPresent(), "shared reference data absent");
        List<String> lines = Files.readAllLines(labels.get(), StandardCharsets.UTF_8);
        String[] names = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toArray(String[]::new);
        assertEquals(61, names.length);
        assertSamePlaces(GdeltLayout.fromHeader(names), GdeltLayout.V2);
    }

    @Test
    void gdelt1RealReExportHeaderNamesTheDailyLayout() throws IOException {
        Optional<Path> header = Golden.shared("data/real/gdelt1-usa-chn-2018.header.csv");
        assumeTrue(header.isPresent(), "shared reference data absent");
        assertSamePlaces(GdeltLayout.fromHeader(Files.readString(header.get()).strip().split(",")), GdeltLayout.V1_DAILY);
    }

    private static void assertSamePlaces(GdeltLayout named, GdeltLayout official) {
        assertEquals(official.columns(), named.columns());
        for (GdeltColumn column : GdeltColumn.values()) {
            assertEquals(named.position(column), official.position(column), column.label());
        }
    }
}
