package io.github.escmon.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs an {@code escmon} command in this JVM, as the jar would; returns its exit code and what it printed on stdout
 * and stderr. Stderr (its error line, and anything logged meanwhile) still reaches the test's own stderr too.
 */
public record EscmonRun(int code, String out, String err) {

    public static EscmonRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(new Tee(err, originalErr), true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = Escmon.commandLine().execute(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new EscmonRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream captured;
        private final OutputStream passedOn;

        Tee(OutputStream captured, OutputStream passedOn) {
            this.captured = captured;
            this.passedOn = passedOn;
        }

        @Override
        public void write(int b) throws IOException {
            captured.write(b);
            passedOn.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            captured.write(b, off, len);
            passedOn.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            passedOn.flush();
        }
    }
}
