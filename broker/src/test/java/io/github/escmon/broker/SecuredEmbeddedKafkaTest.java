package io.github.escmon.broker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The embedded broker with a SASL/SCRAM listener and ACLs: who may connect, and what an ACL allows. */
@Timeout(120)
class SecuredEmbeddedKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final SaslSecurity SASL = new SaslSecurity("admin", "admin-secret-42");

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startSecured() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withSasl(SASL));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void theSuperUserCommitsTransactionsThroughTheSaslListener() throws Exception {
        // the transaction coordinator writes its commit markers over the inter-broker listener, which is SASL too
        assertEquals("SASL_PLAINTEXT", kafka.adminClientSettings().get("security.protocol"));
        Clients.createTopic(kafka.adminClientSettings(), "secured-tx");
        try (KafkaProducer<String, String> producer = Clients.producer(kafka.adminClientSettings(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "secured-test"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("secured-tx", "k", "committed"));
            producer.commitTransaction();
        }
        List<ConsumerRecord<String, String>> records = Clients.consume(kafka.adminClientSettings(), "secured-tx", 1, WAIT);
        assertEquals("committed", records.get(0).value());
    }

    @Test
    void aWrongPasswordIsRefusedAtOnce() {
        Map<String, Object> wrong = connection("admin", "not-the-password");
        long start = System.nanoTime();
        try (Admin admin = Admin.create(wrong)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(30, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos(), "refused, not timed out");
    }

    @Test
    void aUserSeesAndDoesOnlyWhatItsAclsAllow() throws Exception {
        Clients.createTopic(kafka.adminClientSettings(), "readable");
        Clients.createTopic(kafka.adminClientSettings(), "hidden");
        try (Admin admin = Admin.create(kafka.adminClientSettings())) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion("reader",
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), "reader-secret"))).all().get(30, TimeUnit.SECONDS);
            admin.createAcls(List.of(new AclBinding(new ResourcePattern(ResourceType.TOPIC, "readable", PatternType.LITERAL),
                    new AccessControlEntry("User:reader", "*", AclOperation.READ, AclPermissionType.ALLOW)))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> reader = connection("reader", "reader-secret");
        try (Admin admin = Admin.create(reader)) {
            // the ACL reaches the broker's authorizer through the metadata log, a moment after createAcls returns
            Set<String> visible = await("the reader's ACL").atMost(WAIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS), names -> !names.isEmpty());
            assertEquals(Set.of("readable"), visible, "DESCRIBE comes with READ; the other topics stay hidden");
        }
        // not idempotent: an idempotent producer would already be refused its producer id (it needs WRITE on some
        // topic or IDEMPOTENT_WRITE on the cluster), before the topic's ACL is asked
        try (KafkaProducer<String, String> producer = Clients.producer(reader, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "1"))) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("readable", "k", "v")).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, e.getCause(), "READ does not allow WRITE");
        }
    }

    private static Map<String, Object> connection(String user, String password) {
        Map<String, Object> settings = new HashMap<>(SaslSecurity.clientSettings(user, password));
        settings.put("bootstrap.servers", kafka.bootstrapServers());
        return settings;
    }
}
