package io.github.escmon.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code escmon} (the built jar, {@code target/escmon.jar}) in a child JVM, as an operator runs it: a
 * SIGKILL ({@link #kill()}) is a crash with no shutdown hook, no commit and no leaving the group. Both output streams
 * go to {@code log}.
 */
final class EscmonProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "escmon.jar");
    private static final Pattern HTTP = Pattern.compile("HTTP endpoints on http://(\\S+)");

    private final Process process;
    private final Path log;

    private EscmonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java -Xmx512m -jar target/escmon.jar ARGS}. */
    static EscmonProcess start(Path log, List<String> args) {
        return start(log, "512m", args);
    }

    /** {@code java -Xmx<heap> -jar target/escmon.jar ARGS}. */
    static EscmonProcess start(Path log, String heap, List<String> args) {
        String java = Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-jar", JAR.toString()));
        command.addAll(args);
        try {
            return new EscmonProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails, with the end of the log, if the process is gone. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("escmon exited with " + process.exitValue() + ": " + logTail());
        }
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("escmon outlived SIGKILL by 30 s");
        }
    }

    /** SIGTERM (Ctrl-C's shutdown path), and waits up to a minute for the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("escmon still running after " + timeout + ": " + logTail());
        }
        return process.exitValue();
    }

    /** The HTTP address the instance logged once it bound its server; waits for the line. */
    String httpAuthority(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            checkAlive();
            Matcher m = HTTP.matcher(logText());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100); // poll interval on the log file
        }
        throw new IllegalStateException("no HTTP address logged within " + timeout + ": " + logTail());
    }

    /** The last few KB of the log, for failure messages. */
    String logTail() {
        String text = logText();
        return text.substring(Math.max(0, text.length() - 4_000));
    }

    /** Everything the process wrote so far. */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
