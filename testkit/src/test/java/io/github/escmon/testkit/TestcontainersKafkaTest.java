package io.github.escmon.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.testkit.KafkaClusterExtension.Backend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Testcontainers backend, whatever escmon.test.kafka says; skipped (not failed) without a Docker engine. */
@Timeout(300) // the first run may pull the image
class TestcontainersKafkaTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = KafkaClusterExtension.using(Backend.TESTCONTAINERS);

    @Test
    void producesAndConsumesOnAKafkaContainer(KafkaCluster cluster) throws Exception {
        String topic = KafkaCluster.uniqueName("container-round-trip");
        cluster.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "from a container")).get(60, TimeUnit.SECONDS);
        }

        List<ConsumerRecord<String, String>> records = KafkaAwait.consume(cluster.bootstrapServers(), topic,
                new StringDeserializer(), new StringDeserializer(), 1, KafkaAwait.DEFAULT_TIMEOUT);
        assertEquals("from a container", records.get(0).value());
    }
}
