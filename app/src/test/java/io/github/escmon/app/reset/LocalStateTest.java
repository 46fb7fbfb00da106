package io.github.escmon.app.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LocalStateTest {

    @Test
    void isTheApplicationsDirectoryUnderTheStateDirectory(@TempDir Path dir) {
        assertEquals(dir.resolve("escmon"), LocalState.of(dir, "escmon").dir());
    }

    @Test
    void refusesApplicationIdsThatWouldLeaveTheStateDirectory(@TempDir Path dir) {
        for (String id : new String[] {"..", ".", "../escmon", "a/b", "", "escmon state"}) {
            assertThrows(IllegalArgumentException.class, () -> LocalState.of(dir, id), id);
        }
    }

    @Test
    void deletesTheTreeAndOnlyTheTree(@TempDir Path dir) throws IOException {
        Path other = Files.createDirectories(dir.resolve("state/escmon-replay-r1/0_0"));
        Files.writeString(other.resolve("CURRENT"), "kept");
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("precious"), "kept");
        LocalState state = LocalState.of(dir.resolve("state"), "escmon");
        Path task = Files.createDirectories(state.dir().resolve("0_1/rocksdb/dyad-windows"));
        Files.writeString(task.resolve("000001.sst"), "x");
        Files.writeString(state.dir().resolve("kafka-streams-process-metadata"), "x");
        trySymlink(state.dir().resolve("0_1/link"), outside); // where symbolic links exist

        assertTrue(state.exists());
        state.delete();

        assertFalse(state.exists());
        assertTrue(Files.exists(other.resolve("CURRENT")), "another application's state is kept");
        assertTrue(Files.exists(outside.resolve("precious")), "a symbolic link is removed, not followed");
        state.delete(); // nothing left: no error
    }

    private static void trySymlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            // no symbolic links on this file system: nothing to follow
        }
    }
}
