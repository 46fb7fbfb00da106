package io.github.escmon.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka broker in a child JVM ({@link BrokerMain}) that a test can stop and start again on the same
 * port and data dir, for outages the shared test cluster must not suffer: {@link #stop()} shuts it down cleanly,
 * {@link #kill()} with SIGKILL, {@link #start()} brings it back. Its log (both streams, every incarnation) is
 * {@code log}. Clients keep one {@link #bootstrapServers()} across restarts.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process process;
    private int starts;

    private BrokerProcess(Path dataDir, int port, Path log) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
    }

    /** Formats {@code dataDir} and starts the broker on a free port; returns once it is ready. {@code log} starts empty. */
    public static BrokerProcess start(Path dataDir, Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerProcess broker = new BrokerProcess(dataDir, freePort(), log);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the broker (again) on its port and data dir and returns once it has said it is ready, i.e. once an
     * Admin client saw it. A port the previous incarnation left behind can take a moment to be free again: a start
     * that fails on it is retried until {@code START_TIMEOUT}.
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("the broker is running");
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            starts++;
            long readyBefore = readyLines();
            process = launch();
            while (process.isAlive() && readyLines() == readyBefore) {
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IllegalStateException("the broker did not start within " + START_TIMEOUT + ": " + logTail());
                }
                sleep(50);
            }
            if (process.isAlive()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + " at start " + starts + ": " + logTail());
            }
            sleep(500);
        }
    }

    /** SIGTERM: the broker shuts down cleanly (its shutdown hook); waits until the process is gone. */
    public synchronized void stop() {
        end(false);
    }

    /** SIGKILL: no shutdown, no flush beyond what the OS already has; waits until the process is gone. */
    public synchronized void kill() {
        end(true);
    }

    /** The last lines the broker wrote, for failure messages. */
    public String logTail() {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 3_000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (isRunning()) {
            stop();
        }
    }

    private void end(boolean forcibly) {
        if (!isRunning()) {
            return;
        }
        if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the broker did not stop within " + STOP_TIMEOUT + ": " + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the broker", e);
        }
    }

    private Process launch() {
        String java = Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx768m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(), dataDir.toString(), Integer.toString(port));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker's JVM", e);
        }
    }

    private long readyLines() {
        try {
            if (!Files.exists(log)) {
                return 0;
            }
            try (var lines = Files.lines(log)) {
                return lines.filter(l -> l.startsWith(BrokerMain.READY)).count();
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // poll interval while waiting on the child
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
