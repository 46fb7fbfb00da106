package io.github.escmon.app.reliability;

import io.github.escmon.app.security.AclNeed;
import io.github.escmon.broker.EmbeddedKafka;
import io.github.escmon.broker.EmbeddedKafkaConfig;
import io.github.escmon.broker.SaslSecurity;
import io.github.escmon.testkit.KafkaAwait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;

/**
 * The embedded broker with SASL/SCRAM and ACLs, for tests that connect to it as users with limited rights: creates
 * users and their ACLs with the super user's Admin client, and writes the settings escmon reads.
 */
final class SecuredBroker implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SaslSecurity sasl = new SaslSecurity("admin", "admin-" + UUID.randomUUID());
    private final EmbeddedKafka kafka;
    private final Admin admin;

    SecuredBroker() {
        this.kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withSasl(sasl));
        this.admin = Admin.create(kafka.adminClientSettings());
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A new user with a random password, which it returns. */
    String user(String name) throws Exception {
        String password = "pw-" + UUID.randomUUID();
        admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(name,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
        return password;
    }

    /**
     * Allows {@code user} every operation of {@code grants} but those of {@code withheld} (an operation on a resource,
     * as {@link AclNeed}s), and returns once the broker's authorizer has them.
     */
    void allow(String user, List<AclNeed> grants, List<AclNeed> withheld) throws Exception {
        List<AclBinding> bindings = new ArrayList<>();
        for (AclNeed grant : grants) {
            for (AclOperation op : grant.operations()) {
                boolean held = withheld.stream().anyMatch(w -> w.type() == grant.type() && w.name().equals(grant.name())
                        && w.pattern() == grant.pattern() && w.operations().contains(op));
                if (!held) {
                    bindings.add(new AclBinding(new ResourcePattern(grant.type(), grant.name(), grant.pattern()),
                            new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW)));
                }
            }
        }
        admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        // the broker answers describeAcls from its authorizer, which learns of new ACLs through the metadata log
        AclBindingFilter mine = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter("User:" + user, null, AclOperation.ANY, AclPermissionType.ANY));
        KafkaAwait.until("the ACLs of " + user + " in the authorizer", WAIT,
                () -> new HashSet<>(admin.describeAcls(mine).values().get(30, TimeUnit.SECONDS)).containsAll(bindings));
    }

    /** Creates a topic as the super user, as an operator would for users that may not. */
    void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }

    /** The settings of {@code user} as escmon reads them from a properties file ({@code -c FILE}). */
    Path propertiesFile(Path dir, String user, String password) throws IOException {
        StringBuilder file = new StringBuilder("bootstrap.servers=" + bootstrapServers() + "\n");
        SaslSecurity.clientSettings(user, password).forEach((k, v) -> file.append("kafka.").append(k).append('=').append(v).append('\n'));
        return Files.writeString(dir.resolve(user + ".properties"), file.toString());
    }

    /** The super user's settings as a properties file, for setting up what a test needs. */
    Path superUserFile(Path dir) throws IOException {
        return propertiesFile(dir, sasl.superUser(), sasl.superUserPassword());
    }

    /** The settings of {@code user} as escmon reads them from the environment. */
    static Map<String, String> environment(String user, String password) {
        Map<String, String> settings = SaslSecurity.clientSettings(user, password);
        return Map.of("KAFKA_SECURITY_PROTOCOL", settings.get("security.protocol"),
                "KAFKA_SASL_MECHANISM", settings.get("sasl.mechanism"),
                "KAFKA_SASL_JAAS_CONFIG", settings.get("sasl.jaas.config"));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        kafka.close();
    }
}
