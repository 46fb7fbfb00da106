package io.github.escmon.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.Escmon;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** README command 1, in-process: its own embedded broker, the seed story in, the nine alerts out. */
class DemoCommandIT {

    @Test
    @Timeout(180)
    void theDemoPrintsTheNineTransitionsInOrderAndExits() {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = Escmon.commandLine().execute("demo", "--port", "0");
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        List<String> alerts = output.lines().filter(l -> l.contains(" FIRING ") || l.contains(" RESOLVED ")).toList();
        assertEquals(9, alerts.size(), output);
        List<String> expected = List.of(
                "2023-12-15T00:00:00Z  IRN-JAD   FIRING   WATCH",
                "2023-12-20T00:00:00Z  IRN-JAD   RESOLVED WATCH",
                "2024-01-15T20:30:00Z  IRN-IRQ   FIRING   WATCH",
                "2024-01-16T17:00:00Z  IRN-PAK   FIRING   WATCH",
                "2024-01-18T01:00:00Z  IRN-PAK   FIRING   CRITICAL (was WATCH)",
                "2024-01-21T01:00:00Z  IRN-PAK   FIRING   WARNING (was CRITICAL)",
                "2024-01-22T10:00:00Z  IRN-IRQ   RESOLVED WATCH",
                "2024-01-23T13:00:00Z  IRN-PAK   FIRING   WATCH (was WARNING)",
                "2024-01-26T09:00:00Z  IRN-PAK   RESOLVED WATCH");
        for (String dyad : List.of("IRN-JAD", "IRN-IRQ", "IRN-PAK")) {
            List<String> want = expected.stream().filter(e -> e.contains(dyad)).toList();
            List<String> got = alerts.stream().filter(a -> a.contains(dyad)).toList();
            assertEquals(want.size(), got.size(), dyad + "\n" + output);
            for (int i = 0; i < want.size(); i++) {
                assertTrue(got.get(i).startsWith(want.get(i)), "in order per dyad: " + want.get(i) + "\n" + output);
            }
        }
        assertTrue(output.contains("PAK struck back at IRN 32 h after IRN's attack (1.39× its intensity)"), output);
        assertTrue(output.contains("Story done. read 13: accepted 13, unpaired 0, invalid 0, duplicate 0, domestic 0, late 0; 9 alerts."), output);
    }
}
