package io.github.escmon.app.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, as written: {@code ./escmon demo} from the project's root, with the jar this build
 * made. The first demo writes the class-data archive and the second maps it; both print the nine alerts of
 * SCORING.md §6 (their lines are checked in DemoCommandIT; here, that the launcher runs them unchanged).
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path ARCHIVE = ROOT.resolve("app/target/escmon.jsa");

    private record Run(int exit, String out) {
    }

    private static Run escmon(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("bash", ROOT.resolve("escmon").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", Objects.requireNonNull(System.getProperty("java.home")));
        pb.environment().put("JAVA_OPTS", "-Xmx512m");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "escmon " + String.join(" ", args) + " ends:\n" + out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void theFirstDemoWritesTheArchiveAndTheNextUsesIt() throws Exception {
        Files.deleteIfExists(ARCHIVE);
        Run first = escmon("demo", "--port", "0");
        assertEquals(0, first.exit(), first.out());
        assertTrue(Files.size(ARCHIVE) > 1_000_000, "the demo wrote a class-data archive");
        assertEquals(9, alertLines(first.out()), first.out());

        long written = Files.getLastModifiedTime(ARCHIVE).toMillis();
        Run second = escmon("demo", "--port", "0");
        assertEquals(0, second.exit(), second.out());
        assertEquals(9, alertLines(second.out()), second.out());
        assertEquals(written, Files.getLastModifiedTime(ARCHIVE).toMillis(), "the archive is used, not written again");
        assertFalse(second.out().contains("[cds]"), "no JVM chatter about the archive:\n" + second.out());
        assertFalse(List.of(Objects.requireNonNull(ARCHIVE.getParent().toFile().list())).stream()
                .anyMatch(n -> n.endsWith(".tmp")), "no half-written archive is left behind");
    }

    @Test
    void otherCommandsRunWithoutAnArchiveToo() throws Exception {
        Run help = escmon("--help");
        assertEquals(0, help.exit(), help.out());
        assertTrue(help.out().contains("demo"), help.out());
    }

    private static long alertLines(String out) {
        return out.lines().filter(l -> l.contains("FIRING") || l.contains("RESOLVED")).count();
    }
}
