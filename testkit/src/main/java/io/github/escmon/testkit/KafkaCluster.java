package io.github.escmon.testkit;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * A Kafka cluster shared by all tests of a test JVM, injected by {@link KafkaClusterExtension} (see {@link WithKafka}).
 * Because it is shared, every test must use its own topic names ({@link #uniqueName(String)}).
 */
public interface KafkaCluster {

    /** For the {@code bootstrap.servers} of clients. */
    String bootstrapServers();

    /**
     * Creates a topic (replication factor 1) with the given topic configs and returns once its partitions have a
     * leader. Fails if the topic already exists: topic names must be unique within the test JVM.
     */
    void createTopic(String name, int partitions, Map<String, String> configs);

    /** An Admin client connected to the cluster; shared, closed by the extension: do not close it. */
    Admin admin();

    /** {@code prefix} plus a random suffix, for topic names, group ids and application ids that must not collide. */
    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
