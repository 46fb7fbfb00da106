package io.github.escmon.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The on-disk side of the embedded broker: formatting a new log dir (what {@code kafka-storage format} does). */
final class Storage {

    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    static final String META_PROPERTIES = "meta.properties";

    private Storage() {
    }

    /**
     * Makes {@code logDir} ready for the broker and returns its cluster id: an already formatted dir is reused as is
     * (its topics and data survive), an absent or empty one is formatted with a new cluster id and, given
     * {@code sasl}, the super user's SCRAM credential.
     */
    static String formatIfNeeded(Path logDir, SaslSecurity sasl) throws IOException {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (Files.exists(meta)) {
            return readClusterId(meta);
        }
        Files.createDirectories(logDir);
        if (!isEmpty(logDir)) {
            // Refuse to turn someone's directory into a Kafka log dir (Kafka would also choke on foreign entries).
            throw new IllegalStateException(logDir + " is not empty and has no " + META_PROPERTIES
                    + ": not a Kafka data dir, refusing to format it");
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    // The formatter reports progress on a PrintStream; route it to slf4j rather than stdout.
                    .setPrintStream(print)
                    .setClusterId(clusterId)
                    .setNodeId(BrokerSettings.NODE_ID)
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setScramArguments(sasl == null ? List.of() : List.of(sasl.scramArgument()))
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dir " + logDir + ": " + e.getMessage(), e);
        }
        LOG.debug("Formatted {} as cluster {}: {}", logDir, clusterId, out.toString(StandardCharsets.UTF_8).trim().replace(System.lineSeparator(), " | "));
        return clusterId;
    }

    private static String readClusterId(Path meta) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            props.load(in);
        }
        String clusterId = props.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(meta + " has no cluster.id");
        }
        return clusterId;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Deletes {@code dir} and everything below it; best effort, as this runs during shutdown. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
