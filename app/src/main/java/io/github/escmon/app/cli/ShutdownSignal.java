package io.github.escmon.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT/SIGTERM) as a signal the command can wait on: the hook asks the command to stop, then waits
 * for it to finish closing (the JVM exits once hooks return), so topics, state and the broker close cleanly.
 */
public final class ShutdownSignal implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public ShutdownSignal() {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "escmon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code millis} for Ctrl-C; true if it came. */
    public boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Marks the command as closed; a pending hook lets the JVM exit. */
    @Override
    public void close() {
        finished.countDown();
        if (!isRequested()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs; it returns at once since finished is counted down
            }
        }
    }
}
