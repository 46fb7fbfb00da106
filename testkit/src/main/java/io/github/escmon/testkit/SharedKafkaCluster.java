package io.github.escmon.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The per-JVM cluster: a running backend (embedded broker or container) plus one Admin client. Kept in JUnit's root
 * store as an {@link AutoCloseable}, so JUnit closes it once all tests of the JVM are done.
 */
final class SharedKafkaCluster implements KafkaCluster, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String description;
    private final String bootstrapServers;
    private final AutoCloseable backend;
    private final Admin admin;

    /** Wraps a started backend; stops it again if the Admin client cannot be created. */
    static SharedKafkaCluster open(String description, String bootstrapServers, AutoCloseable backend) {
        try {
            return new SharedKafkaCluster(description, bootstrapServers, backend);
        } catch (RuntimeException e) {
            try {
                backend.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private SharedKafkaCluster(String description, String bootstrapServers, AutoCloseable backend) {
        this.description = description;
        this.bootstrapServers = bootstrapServers;
        this.backend = backend;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "escmon-testkit-admin"));
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Admin admin() {
        return admin;
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, partitions, (short) 1).configs(configs);
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            awaitLeaders(name, partitions);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                throw new IllegalStateException("topic " + name + " already exists on the shared test cluster: "
                        + "use unique topic names (KafkaCluster.uniqueName)", e.getCause());
            }
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " not created within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** A created topic is only usable once the broker's metadata has a leader for each partition. */
    private void awaitLeaders(String name, int partitions) {
        KafkaAwait.until("leaders for all " + partitions + " partitions of topic " + name, TIMEOUT, () -> {
            try {
                TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
                return description.partitions().size() == partitions
                        && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            } catch (ExecutionException | TimeoutException e) {
                return false; // not known to the broker yet
            }
        });
    }

    @Override
    public void close() {
        try {
            admin.close(Duration.ofSeconds(5));
        } finally {
            try {
                backend.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop " + description, e);
            }
        }
    }

    @Override
    public String toString() {
        return description + " at " + bootstrapServers;
    }
}
