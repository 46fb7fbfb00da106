package io.github.escmon.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an {@code escmon} command in this JVM, as the jar would; returns its exit code and what it printed. */
public record EscmonRun(int code, String out) {

    public static EscmonRun of(String... args) {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = Escmon.commandLine().execute(args);
        } finally {
            System.setOut(original);
        }
        return new EscmonRun(code, captured.toString(StandardCharsets.UTF_8));
    }
}
