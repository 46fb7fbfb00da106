package io.github.escmon.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.config.EscmonConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

class ClusterAccessTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"escmon-monitor\" password=\"hunter2\";";
    private static final EscmonConfig SECURED = EscmonConfig.load(null, Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_SASL_JAAS_CONFIG", JAAS), Map.of("bootstrap.servers", "kafka:9093"));
    private static final ClusterAccess RUN = ClusterAccess.of("run", SECURED, CommandAcls.monitor(SECURED));

    @Test
    void aRefusedLoginNamesTheUserAndWhatToCheckNeverThePassword() {
        String line = RUN.explain(new IllegalStateException("cannot list topics", new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"))).orElseThrow();
        assertEquals("Kafka at kafka:9093 refused the login of user 'escmon-monitor' (SCRAM-SHA-512 over SASL_SSL): "
                + "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512. "
                + "Check the user name and password in kafka.sasl.jaas.config and the mechanism in kafka.sasl.mechanism, in "
                + "the --config file or the environment (KAFKA_SASL_JAAS_CONFIG, KAFKA_SASL_MECHANISM)", line);
        assertFalse(line.contains("hunter2"));
    }

    @Test
    void aDeniedTopicNamesTheOperationTheCommandNeedsOnIt() {
        String line = RUN.explain(new StreamsException("Error encountered sending record to topic escalation-alerts",
                new TopicAuthorizationException(Set.of("escalation-alerts")))).orElseThrow();
        assertTrue(line.startsWith("Kafka at kafka:9093 denied user 'escmon-monitor' (SCRAM-SHA-512 over SASL_SSL) access: "
                + "Not authorized to access topics: [escalation-alerts]. escmon run needs WRITE on topic 'escalation-alerts'; "
                + "grant it with kafka-acls --bootstrap-server kafka:9093 --command-config ADMIN.properties --add "
                + "--allow-principal User:escmon-monitor --operation WRITE --topic escalation-alerts"), line);
    }

    @Test
    void aDeniedTopicKafkaDoesNotNameIsFoundInTheMessagesAroundIt() {
        // Kafka Streams creating a changelog: the admin client's error names no topic, Streams' message does
        String line = RUN.explain(new StreamsException("Could not create topic escmon-seen-ids-changelog.",
                new TopicAuthorizationException("Authorization failed."))).orElseThrow();
        assertTrue(line.contains("escmon run needs CREATE, READ, WRITE on topics starting with 'escmon-'"), line);
        assertTrue(line.contains("--resource-pattern-type prefixed --topic escmon-"), line);
        String output = RUN.explain(new IllegalStateException("cannot send to topic escalation-alerts.",
                new TopicAuthorizationException("Topic authorization failed."))).orElseThrow();
        assertTrue(output.contains("escmon run needs WRITE on topic 'escalation-alerts';"), output);
    }

    @Test
    void aDeniedGroupAndDeniedTransactionsNameTheirAcls() {
        assertTrue(RUN.explain(new GroupAuthorizationException("Not authorized to access group: escmon", "escmon"))
                .orElseThrow().contains("escmon run needs READ on group 'escmon'"));
        assertTrue(RUN.explain(new ExecutionException(new TransactionalIdAuthorizationException("Transactional Id authorization failed.")))
                .orElseThrow().contains("escmon run needs WRITE on transactional ids starting with 'escmon-'"));
    }

    @Test
    void underAtLeastOnceTheMonitorNeedsNoTransactions() {
        EscmonConfig alo = SECURED.with(Map.of("processing.guarantee", "at_least_once"));
        assertTrue(CommandAcls.monitor(alo).stream().noneMatch(n -> n.type() == org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID));
    }

    @Test
    void noAnswerAsksAboutTheProtocol() {
        String line = RUN.explain(new TimeoutException("Timed out waiting for a node assignment. Call: listTopics")).orElseThrow();
        assertEquals("no answer from Kafka at kafka:9093 in time: Timed out waiting for a node assignment. Call: listTopics. "
                + "Is it running and reachable, and does kafka.security.protocol (SASL_SSL) match its listener?", line);
    }

    @Test
    void otherFailuresAreNotExplained() {
        assertEquals(Optional.empty(), RUN.explain(new IllegalStateException("the monitor stopped: something else")));
    }

    @Test
    void theLoginIsReadFromTheJaasConfigWithoutItsPassword() {
        Properties client = new Properties();
        client.put("security.protocol", "SASL_PLAINTEXT");
        client.put("sasl.mechanism", "PLAIN");
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "password=\"x\" username=\"ops \\\"team\\\"\";");
        assertEquals(new Login("ops \"team\"", "PLAIN", "SASL_PLAINTEXT"), Login.of(client));
        assertEquals("no SASL login (security.protocol PLAINTEXT)", Login.of(new Properties()).describe());
    }
}
