package io.github.escmon.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class EmbeddedKafkaTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Shared by the client round-trip tests: starting a broker costs seconds. */
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startShared() {
        kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral());
    }

    @AfterAll
    static void stopShared() {
        kafka.close();
    }

    @Test
    void ephemeralBrokerListensOnLoopbackWithTempDataDir() {
        assertEquals("127.0.0.1:" + kafka.port(), kafka.bootstrapServers());
        assertTrue(kafka.port() > 0);
        assertTrue(Files.exists(kafka.dataDir().resolve("kafka/meta.properties")), "formatted log dir");
        assertFalse(kafka.clusterId().isBlank());
    }

    @Test
    void createTopicProduceAndConsume() throws Exception {
        Clients.createTopic(kafka.adminClientSettings(), "round-trip");
        Clients.send(kafka.adminClientSettings(), "round-trip", "k", "hello");

        List<ConsumerRecord<String, String>> records = Clients.consume(kafka.adminClientSettings(), "round-trip", 1, WAIT);
        assertEquals("k", records.get(0).key());
        assertEquals("hello", records.get(0).value());
    }

    @Test
    void committedTransactionIsVisibleToReadCommittedConsumer() throws Exception {
        // Needs the transaction coordinator and __transaction_state on a single node: what exactly-once Streams uses.
        Clients.createTopic(kafka.adminClientSettings(), "transactional");
        try (KafkaProducer<String, String> producer = Clients.producer(kafka.adminClientSettings(),
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-kafka-test"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "a", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("transactional", "c", "committed"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records = Clients.consume(kafka.adminClientSettings(), "transactional", 1, WAIT);
        assertEquals(List.of("committed"), records.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void restartOnKeptDataDirKeepsTopicsAndRecords(@TempDir Path dir) throws Exception {
        String clusterId;
        try (EmbeddedKafka first = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withDataDir(dir))) {
            clusterId = first.clusterId();
            Clients.createTopic(first.adminClientSettings(), "kept");
            Clients.send(first.adminClientSettings(), "kept", "k", "before restart");
        }
        assertTrue(Files.exists(dir.resolve("kafka/meta.properties")), "a given data dir is kept at close");

        try (EmbeddedKafka second = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withDataDir(dir))) {
            assertEquals(clusterId, second.clusterId(), "same cluster, not a re-format");
            List<ConsumerRecord<String, String>> records = Clients.consume(second.adminClientSettings(), "kept", 1, WAIT);
            assertEquals("before restart", records.get(0).value());
        }
    }

    @Test
    void takenPreferredPortFallsBackToFreePort() throws Exception {
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = squatter.getLocalPort();

            EmbeddedKafkaConfig config = EmbeddedKafkaConfig.ephemeral().withPort(taken).withFallbackToFreePort(true);
            try (EmbeddedKafka fallback = EmbeddedKafka.start(config)) {
                assertNotEquals(taken, fallback.port());
                assertEquals("127.0.0.1:" + fallback.port(), fallback.bootstrapServers());
                Clients.createTopic(fallback.adminClientSettings(), "fallback");
            }

            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> EmbeddedKafka.start(config.withFallbackToFreePort(false)));
            assertTrue(failure.getMessage().contains("in use"), failure.getMessage());
        }
    }

    @Test
    void closeTwiceIsSafeAndDeletesTempDir() {
        EmbeddedKafka broker = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral());
        Path dataDir = broker.dataDir();
        broker.close();
        broker.close();
        assertFalse(Files.exists(dataDir), "temp data dir deleted");
    }

    @Test
    void refusesToFormatForeignNonEmptyDir(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kafka"));
        Files.writeString(dir.resolve("kafka/notes.txt"), "not Kafka's");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral().withDataDir(dir)));
        assertTrue(failure.getMessage().contains("refusing to format"), failure.getMessage());
        assertTrue(Files.exists(dir.resolve("kafka/notes.txt")), "left alone");
    }
}
