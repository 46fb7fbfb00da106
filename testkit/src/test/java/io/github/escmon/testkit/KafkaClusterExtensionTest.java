package io.github.escmon.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@WithKafka
@Timeout(120)
class KafkaClusterExtensionTest {

    private static KafkaCluster fromBeforeAll;
    private final KafkaCluster fromConstructor;

    KafkaClusterExtensionTest(KafkaCluster cluster) {
        this.fromConstructor = cluster;
    }

    @BeforeAll
    static void beforeAll(KafkaCluster cluster) {
        fromBeforeAll = cluster;
    }

    @Test
    void injectsOneSharedCluster(KafkaCluster cluster) {
        assertSame(fromBeforeAll, cluster);
        assertSame(fromConstructor, cluster);
        if (System.getProperty(KafkaClusterExtension.BACKEND_PROPERTY, "embedded").equals("embedded")) {
            assertTrue(cluster.bootstrapServers().startsWith("127.0.0.1:"), "embedded: " + cluster.bootstrapServers());
        }
    }

    @Test
    void createsTopicsThatClientsCanUse(KafkaCluster cluster) throws Exception {
        String topic = KafkaCluster.uniqueName("extension-round-trip");
        cluster.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));
        assertTrue(cluster.admin().listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, i, "k" + i, "v" + i)).get(30, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, String>> records = KafkaAwait.consume(cluster.bootstrapServers(), topic,
                new StringDeserializer(), new StringDeserializer(), 3, KafkaAwait.DEFAULT_TIMEOUT);
        assertEquals(List.of("v0", "v1", "v2"), records.stream().map(ConsumerRecord::value).sorted().toList());
    }

    @Test
    void duplicateTopicNamesAreReportedClearly(KafkaCluster cluster) {
        String topic = KafkaCluster.uniqueName("duplicate");
        cluster.createTopic(topic, 1, Map.of());

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> cluster.createTopic(topic, 1, Map.of()));
        assertTrue(failure.getMessage().contains("unique topic names"), failure.getMessage());
    }
}
