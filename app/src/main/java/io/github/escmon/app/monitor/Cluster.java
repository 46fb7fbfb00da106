package io.github.escmon.app.monitor;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.broker.EmbeddedKafka;
import io.github.escmon.broker.EmbeddedKafkaConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a command talks to: the configured one, or an embedded broker that this command starts
 * and stops. Closing it closes the admin client and, if embedded, the broker.
 */
public final class Cluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);

    private final EmbeddedKafka embedded;
    private final EscmonConfig config;
    private final Admin admin;

    private Cluster(EmbeddedKafka embedded, EscmonConfig config) {
        this.embedded = embedded;
        this.config = config;
        this.admin = Admin.create(config.kafkaClientProperties());
    }

    /** Uses the configured cluster. */
    public static Cluster external(EscmonConfig config) {
        return new Cluster(null, config);
    }

    /**
     * Starts an embedded broker.
     *
     * @param dataDir where the broker keeps its data (null: a temporary directory, deleted at close)
     * @param port    preferred port (0: any free one); a taken port falls back to a free one
     */
    public static Cluster embedded(EscmonConfig config, Path dataDir, int port) {
        long start = System.nanoTime();
        EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withDataDir(dataDir).withPort(port));
        LOG.info("Embedded Kafka broker ready at {} in {} ms{}", broker.bootstrapServers(),
                (System.nanoTime() - start) / 1_000_000, dataDir == null ? "" : " (data in " + dataDir + ")");
        try {
            return new Cluster(broker, config.with(Map.of("bootstrap.servers", broker.bootstrapServers())));
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The configuration, with {@code bootstrap.servers} pointing at this cluster. */
    public EscmonConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.get("bootstrap.servers");
    }

    public Properties clientProperties() {
        return config.kafkaClientProperties();
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        admin.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
