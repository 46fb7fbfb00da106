package io.github.escmon.app.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.streams.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamsPropertiesTest {

    private static StreamsConfig streamsConfig(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put("bootstrap.servers", "127.0.0.1:9092");
        return new StreamsConfig(StreamsProperties.of(EscmonConfig.load(null, Map.of(), all), Outcome.Listener.NONE));
    }

    @Test
    void securitySettingsReachEveryClientOfKafkaStreams() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"m\" password=\"p\";";
        EscmonConfig config = EscmonConfig.load(null, Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_SASL_JAAS_CONFIG", jaas), Map.of("bootstrap.servers", "k:9093"));
        StreamsConfig streams = new StreamsConfig(StreamsProperties.of(config, Outcome.Listener.NONE));
        List<Map<String, Object>> clients = List.of(
                streams.getMainConsumerConfigs("escmon", "main", 0),
                streams.getRestoreConsumerConfigs("restore"),
                streams.getGlobalConsumerConfigs("global"),
                streams.getProducerConfigs("producer"),
                streams.getAdminConfigs("admin"));
        for (Map<String, Object> client : clients) {
            assertEquals("SASL_SSL", client.get("security.protocol"), client.toString());
            assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
            Object value = client.get("sasl.jaas.config");
            assertEquals(jaas, value instanceof Password p ? p.value() : value);
        }
    }

    /** Under either guarantee a send outlives a broker outage instead of expiring (BrokerRestartIT's finding). */
    @ParameterizedTest
    @ValueSource(strings = {"exactly_once_v2", "at_least_once"})
    void producerRecordsWaitForTheBrokerWhateverTheGuarantee(String guarantee) {
        Map<String, Object> producer = streamsConfig(Map.of("processing.guarantee", guarantee)).getProducerConfigs("escmon-test");
        assertEquals(Integer.toString(Integer.MAX_VALUE), String.valueOf(producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
    }

    @Test
    void underAtLeastOnceASendWaitsForMetadataAsLongAsTheBrokerIsAway() {
        Map<String, Object> producer = streamsConfig(Map.of("processing.guarantee", "at_least_once")).getProducerConfigs("escmon-test");
        assertEquals(Integer.toString(Integer.MAX_VALUE), String.valueOf(producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)));
    }

    @Test
    void aDeliveryTimeoutTheUserSetWins() {
        Map<String, Object> producer = streamsConfig(Map.of("processing.guarantee", "at_least_once",
                "kafka.delivery.timeout.ms", "120000")).getProducerConfigs("escmon-test");
        assertEquals("120000", producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG).toString());
        assertNull(StreamsProperties.of(EscmonConfig.load(null, Map.of(), Map.of("kafka.delivery.timeout.ms", "120000")), Outcome.Listener.NONE)
                .get(StreamsConfig.producerPrefix(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
    }
}
