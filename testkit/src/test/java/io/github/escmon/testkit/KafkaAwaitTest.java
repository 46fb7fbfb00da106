package io.github.escmon.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import org.opentest4j.AssertionFailedError;

@WithKafka
@Timeout(120)
class KafkaAwaitTest {

    @Test
    void readCommittedSkipsAbortedTransactionsAndStopsWhenThePredicateHolds(KafkaCluster cluster) throws Exception {
        String topic = KafkaCluster.uniqueName("await-committed");
        cluster.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, KafkaCluster.uniqueName("await-tx")),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records = KafkaAwait.consumeUntil(cluster.bootstrapServers(), topic,
                new StringDeserializer(), new StringDeserializer(),
                read -> read.stream().anyMatch(r -> r.value().equals("committed")), KafkaAwait.DEFAULT_TIMEOUT);
        assertEquals(List.of("committed"), records.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    void failsWithAClearMessageWhenTheRecordsDoNotArrive(KafkaCluster cluster) throws Exception {
        String topic = KafkaCluster.uniqueName("await-missing");
        cluster.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "only", "one")).get(30, TimeUnit.SECONDS);
        }

        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> KafkaAwait.consume(
                cluster.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer(), 2,
                Duration.ofSeconds(2)));
        assertTrue(failure.getMessage().contains(topic) && failure.getMessage().contains("only=one"),
                failure.getMessage());
    }

    @Test
    void untilFailsNamingWhatItWaitedFor() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> KafkaAwait.until("the impossible", Duration.ofMillis(300), () -> false));
        assertTrue(failure.getMessage().contains("the impossible"), failure.getMessage());
    }
}
