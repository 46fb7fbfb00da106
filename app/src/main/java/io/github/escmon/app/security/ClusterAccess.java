package io.github.escmon.app.security;

import io.github.escmon.app.config.EscmonConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.ResourceType;

/**
 * What a command needs of a Kafka cluster (who it logs in as, the ACLs it needs), so that a refusal can be told in
 * one line that names the login or the missing ACL, and how to grant it. Kafka's own messages name the resource
 * at best ("Not authorized to access topics: [escalation-alerts]"), never the operation that was missing.
 */
public record ClusterAccess(String command, String bootstrapServers, Login login, List<AclNeed> needs) {

    private static final String README = "README, Secured clusters, lists what each command needs";

    public ClusterAccess {
        needs = List.copyOf(needs);
    }

    public static ClusterAccess of(String command, EscmonConfig config, List<AclNeed> needs) {
        Properties client = config.kafkaClientProperties();
        return new ClusterAccess(command, client.getProperty("bootstrap.servers"), Login.of(client), needs);
    }

    /** One line saying what Kafka refused and what to check or grant, when {@code failure} is such a refusal. */
    public Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) {
                return Optional.of("Kafka at " + bootstrapServers + " refused the login of " + login.describe() + ": "
                        + clause(t.getMessage()) + ". Check the user name and password in kafka.sasl.jaas.config and the mechanism "
                        + "in kafka.sasl.mechanism, in the --config file or the environment (KAFKA_SASL_JAAS_CONFIG, "
                        + "KAFKA_SASL_MECHANISM)");
            }
            if (t instanceof AuthorizationException denied) {
                return Optional.of(denied(denied, failure));
            }
            if (t instanceof TimeoutException) {
                return Optional.of("no answer from Kafka at " + bootstrapServers + " in time: " + clause(t.getMessage())
                        + ". Is it running and reachable, and does kafka.security.protocol (" + login.protocol()
                        + ") match its listener?");
            }
        }
        return Optional.empty();
    }

    private String denied(AuthorizationException e, Throwable failure) {
        List<AclNeed> missing = missing(e, failure);
        String head = "Kafka at " + bootstrapServers + " denied " + login.describe() + " access: " + clause(e.getMessage());
        if (missing.isEmpty()) {
            return head + ". See the " + README;
        }
        return head + ". escmon " + command + " needs " + missing.stream().map(AclNeed::describe).collect(Collectors.joining("; "))
                + "; grant it with " + missing.stream().map(n -> "kafka-acls --bootstrap-server " + bootstrapServers
                        + " --command-config ADMIN.properties --add " + n.kafkaAclsOptions(login.principal()))
                        .collect(Collectors.joining("; "))
                + " (" + README + ")";
    }

    /** The needs about the resource Kafka names, or about its kind of resource when it names none. */
    private List<AclNeed> missing(AuthorizationException e, Throwable failure) {
        if (e instanceof TopicAuthorizationException t) {
            return matching(ResourceType.TOPIC, t.unauthorizedTopics().isEmpty() ? wordsOf(failure) : t.unauthorizedTopics());
        }
        if (e instanceof GroupAuthorizationException g) {
            return g.groupId() == null ? ofType(ResourceType.GROUP) : matching(ResourceType.GROUP, Set.of(g.groupId()));
        }
        if (e instanceof TransactionalIdAuthorizationException) {
            return ofType(ResourceType.TRANSACTIONAL_ID);
        }
        if (e instanceof ClusterAuthorizationException) {
            // what escmon meets is an idempotent producer refused its producer id: Kafka grants one to a user that may
            // WRITE to some topic (or has IDEMPOTENT_WRITE on the cluster)
            List<AclNeed> cluster = ofType(ResourceType.CLUSTER);
            return !cluster.isEmpty() ? cluster : needs.stream()
                    .filter(n -> n.type() == ResourceType.TOPIC && n.operations().contains(AclOperation.WRITE)).toList();
        }
        return List.of();
    }

    /**
     * The words of the messages of {@code failure} and its causes, for when Kafka's exception names no topic (an
     * admin client's "Authorization failed."): the message around it does ("Could not create topic
     * escmon-seen-ids-changelog.", Kafka Streams making a changelog).
     */
    private static Set<String> wordsOf(Throwable failure) {
        Set<String> words = new HashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                for (String word : t.getMessage().split("[\\s\\[\\],:;'\"]+")) {
                    words.add(clause(word));
                }
            }
        }
        return words;
    }

    /** Kafka's message without its final period, to go on with ours. */
    private static String clause(String message) {
        return message == null ? "" : message.strip().replaceAll("\\.+$", "");
    }

    private List<AclNeed> matching(ResourceType type, Set<String> resources) {
        return needs.stream().filter(n -> resources.stream().anyMatch(r -> n.covers(type, r))).toList();
    }

    private List<AclNeed> ofType(ResourceType type) {
        return needs.stream().filter(n -> n.type() == type).toList();
    }
}
