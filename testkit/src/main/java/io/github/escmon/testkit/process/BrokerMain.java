package io.github.escmon.testkit.process;

import io.github.escmon.broker.EmbeddedKafka;
import io.github.escmon.broker.EmbeddedKafkaConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of a {@link BrokerProcess}: an {@link EmbeddedKafka} on the given data dir and port (no fallback: a
 * restarted broker must be where its clients look for it), until the JVM is told to stop. SIGTERM runs the shutdown
 * hook, a clean (controlled) shutdown; SIGKILL is a crash.
 *
 * <p>Arguments: {@code DATA_DIR PORT}.
 */
public final class BrokerMain {

    static final String READY = "escmon test broker ready on ";

    private BrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.persistent(Path.of(args[0]), Integer.parseInt(args[1])).withFallbackToFreePort(false));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "escmon-test-broker-stop"));
        System.out.println(READY + kafka.bootstrapServers());
        stopped.await();
    }
}
