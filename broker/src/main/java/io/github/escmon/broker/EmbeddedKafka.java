package io.github.escmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka cluster (KRaft, broker and controller in one node) running inside this JVM, listening
 * on 127.0.0.1 only: PLAINTEXT without an authorizer, or SASL/SCRAM with ACLs ({@link SaslSecurity}). Start it with
 * {@link #start(EmbeddedKafkaConfig)}; {@link #close()} stops it.
 *
 * <p>Kafka logs through slf4j under the logger names {@code kafka} and {@code org.apache.kafka}; it never writes to
 * stdout itself.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    /** Sub-directory of the data dir that Kafka owns, so the rest of the data dir can hold other things. */
    static final String KAFKA_SUBDIR = "kafka";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** Ports we pick can be grabbed by someone else before Kafka binds them; a few retries make that harmless. */
    private static final int START_ATTEMPTS = 3;

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int port;
    private final String clusterId;
    private final SaslSecurity sasl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, Path dataDir, boolean deleteOnClose, int port, String clusterId,
                          SaslSecurity sasl) {
        this.server = server;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
        this.clusterId = clusterId;
        this.sasl = sasl;
    }

    /**
     * Formats the data dir if it is new, starts the node and returns once a client can use it (an Admin
     * {@code describeCluster} sees the broker).
     *
     * @throws IllegalStateException if the node cannot start, e.g. the port is taken and fallback is off
     */
    public static EmbeddedKafka start(EmbeddedKafkaConfig config) {
        long startNanos = System.nanoTime();
        boolean temp = config.dataDir() == null;
        Path dataDir = temp ? createTempDir() : config.dataDir().toAbsolutePath();
        boolean started = false;
        try {
            Path logDir = dataDir.resolve(KAFKA_SUBDIR);
            String clusterId = Storage.formatIfNeeded(logDir, config.sasl());
            for (int attempt = 1; ; attempt++) {
                int port = choosePort(config);
                int controllerPort = Ports.freePort();
                KafkaConfig kafkaConfig = KafkaConfig.fromProps(
                        BrokerSettings.of(logDir, port, controllerPort, config.brokerOverrides(), config.sasl()), false);
                KafkaRaftServer server = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
                try {
                    server.startup();
                    awaitReady(clientSettings(port, config.sasl()));
                } catch (RuntimeException | Error e) {
                    stop(server); // the controller may be up even though the broker failed
                    if (attempt < START_ATTEMPTS && isBindFailure(e)) {
                        LOG.debug("Port {} or {} was taken while starting; retrying", port, controllerPort, e);
                        continue;
                    }
                    throw e;
                }
                LOG.info("Embedded Kafka ready on {} (data {}, cluster {}{}) in {} ms", bootstrap(port), dataDir,
                        clusterId, config.sasl() == null ? "" : ", " + config.sasl(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                started = true;
                return new EmbeddedKafka(server, dataDir, temp, port, clusterId, config.sasl());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Embedded Kafka did not start (data dir " + dataDir + "): " + e.getMessage(), e);
        } finally {
            if (!started && temp) {
                Storage.deleteRecursively(dataDir); // also after an Error such as a missing class
            }
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrap(port);
    }

    /**
     * What a client needs to connect with full rights: {@code bootstrap.servers} and, on a secured broker, the super
     * user's SASL settings.
     */
    public Map<String, Object> adminClientSettings() {
        return clientSettings(port, sasl);
    }

    /** The client port actually in use (differs from the configured one after a fallback or when it was 0). */
    public int port() {
        return port;
    }

    /** The data dir: the configured one, or the temp dir. Kafka's own files are in its {@code kafka} sub-directory. */
    public Path dataDir() {
        return dataDir;
    }

    /** The cluster id stored in {@code meta.properties} when the data dir was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /**
     * Shuts the node down cleanly and waits for it; deletes the data dir if it was a temp dir. Only the first call
     * does anything, later ones return at once, and it never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        stop(server);
        if (deleteOnClose) {
            Storage.deleteRecursively(dataDir);
        }
        LOG.debug("Embedded Kafka on {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + dataDir + "]";
    }

    private static int choosePort(EmbeddedKafkaConfig config) {
        int wanted = config.port();
        if (wanted == 0) {
            return Ports.freePort();
        }
        if (Ports.isFree(wanted)) {
            return wanted;
        }
        if (!config.fallbackToFreePort()) {
            throw new IllegalStateException("port " + wanted + " on " + Ports.LOOPBACK.getHostAddress() + " is in use");
        }
        int free = Ports.freePort();
        LOG.warn("Port {} is in use; Kafka will listen on {} instead", wanted, free);
        return free;
    }

    private static Map<String, Object> clientSettings(int port, SaslSecurity sasl) {
        Map<String, Object> settings = new HashMap<>(sasl == null ? Map.of() : sasl.superUserSettings());
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(port));
        return Map.copyOf(settings);
    }

    private static void awaitReady(Map<String, Object> clientSettings) {
        Object bootstrap = clientSettings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> settings = new HashMap<>(clientSettings);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "escmon-embedded-kafka-ready-check");
        try (Admin admin = Admin.create(settings)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Kafka on {} not ready yet: {}", bootstrap, e.toString());
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka on " + bootstrap + " not ready after " + READY_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(100); // poll interval, so an empty answer does not spin
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka on " + bootstrap, e);
        }
    }

    private static void stop(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping embedded Kafka", e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static String bootstrap(int port) {
        return Ports.LOOPBACK.getHostAddress() + ":" + port;
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("escmon-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for Kafka", e);
        }
    }
}
