package io.github.escmon.producer.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class ExportFileTest {

    private static final URI LATEST = URI.create("http://data.gdeltproject.org/gdeltv2/20240101001500.export.CSV.zip");

    @Test
    void theNameIsTheUtcTimeOfTheFile() {
        assertEquals(Optional.of(Instant.parse("2024-01-18T01:15:00Z")), ExportFile.timeOf("20240118011500.export.CSV.zip"));
        assertEquals("20240118011500.export.CSV.zip", ExportFile.nameAt(Instant.parse("2024-01-18T01:15:00Z")));
        assertEquals(Optional.empty(), ExportFile.timeOf("20240118011500.mentions.CSV.zip"));
        assertEquals(Optional.empty(), ExportFile.timeOf("20241318011500.export.CSV.zip"), "month 13");
        assertThrows(IllegalArgumentException.class, () -> ExportFile.at(URI.create("http://x/lastupdate.txt"), 1, null));
    }

    @Test
    void theGapBetweenTheLastFinishedAndTheLatestFileIsEveryQuarterHourInOrderAcrossMidnight() {
        ExportFile latest = ExportFile.at(LATEST, 1234, "abc");
        List<ExportFile> due = latest.since(Instant.parse("2023-12-31T23:30:00Z"));
        assertEquals(List.of("20231231234500.export.CSV.zip", "20240101000000.export.CSV.zip", "20240101001500.export.CSV.zip"),
                due.stream().map(ExportFile::name).toList());
        assertEquals(URI.create("http://data.gdeltproject.org/gdeltv2/20231231234500.export.CSV.zip"), due.get(0).uri(),
                "derived beside the latest");
        assertEquals(-1, due.get(0).size(), "a derived file's size is unknown");
        assertEquals(latest, due.get(2), "the latest keeps the update list's size and MD5");
    }

    @Test
    void nothingIsDueWhenTheLatestIsNotNewerThanTheLastFinished() {
        ExportFile latest = ExportFile.at(LATEST, 1234, "abc");
        assertEquals(List.of(), latest.since(latest.time()));
        assertEquals(List.of(), latest.since(latest.time().plusSeconds(900)));
        assertEquals(List.of(latest), latest.since(latest.time().minusSeconds(900)));
    }
}
