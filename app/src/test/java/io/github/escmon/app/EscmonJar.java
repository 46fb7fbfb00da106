package io.github.escmon.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The real {@code escmon} jar ({@code target/escmon.jar}) in a child JVM, as a user starts it: its own environment,
 * stdout and stderr into one log file.
 */
public final class EscmonJar {

    private static final Path JAR = Path.of("target", "escmon.jar");

    private EscmonJar() {
    }

    /** Starts {@code java [jvmOptions] -jar escmon.jar args} with {@code env} added to this JVM's environment. */
    public static Process start(List<String> jvmOptions, List<String> args, Map<String, String> env, Path log) {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** What the child has written so far. */
    public static String log(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBin() {
        return Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString();
    }
}
