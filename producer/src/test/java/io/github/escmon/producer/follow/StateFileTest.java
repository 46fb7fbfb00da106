package io.github.escmon.producer.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(5)
class StateFileTest {

    @TempDir
    Path dir;

    @Test
    void noStateYetIsEmpty() {
        assertEquals(Optional.empty(), new StateFile(dir.resolve("not-yet")).load());
    }

    @Test
    void theStateSurvivesARestartAndReplacesTheOldOneLeavingNoTemporaryFile() throws Exception {
        var first = new FollowState("20240118010000.export.CSV.zip", null);
        var second = new FollowState("20240118011500.export.CSV.zip", Instant.parse("2024-01-18T01:15:00Z"));
        new StateFile(dir.resolve("state")).save(first);
        new StateFile(dir.resolve("state")).save(second);

        assertEquals(Optional.of(second), new StateFile(dir.resolve("state")).load());
        try (Stream<Path> files = Files.list(dir.resolve("state"))) {
            assertEquals(List.of(StateFile.NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aStateFileNamingNoExportSaysHowToRecover() throws Exception {
        Files.writeString(dir.resolve(StateFile.NAME), "last-finished=yesterday\n");
        var e = assertThrows(IllegalStateException.class, () -> new StateFile(dir).load());
        assertTrue(e.getMessage().contains("delete the file to start again"), e.getMessage());
    }
}
