package io.github.escmon.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka in a container (Testcontainers). Only this class touches Testcontainers, so the embedded backend never probes
 * for Docker.
 */
final class TestcontainersBackend {

    static final String IMAGE = "apache/kafka:4.4.0";

    private TestcontainersBackend() {
    }

    /** Whether Testcontainers can reach a Docker engine; probed once per JVM, as the probe is slow and logs. */
    static boolean dockerAvailable() {
        return DockerProbe.AVAILABLE;
    }

    static SharedKafkaCluster start() {
        @SuppressWarnings("resource") // stopped by SharedKafkaCluster.close()
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(IMAGE))
                // Same single-node behaviour as the embedded broker (the container already sets the replication
                // factors of the offsets and transaction topics to 1).
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        return SharedKafkaCluster.open("Kafka container " + IMAGE, container.getBootstrapServers(), container::stop);
    }

    /** Holder idiom: the probe runs on first use only. */
    private static final class DockerProbe {
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
