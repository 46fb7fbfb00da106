package io.github.escmon.app.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.streams.Outcome;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesTest {

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
}
