package io.github.escmon.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"escmon\" password=\"s3cr=t;\\\"x\";";

    @Test
    void kafkasPasswordSettingsAreSecretUnderAnyPrefix() {
        for (String key : List.of("kafka.sasl.jaas.config", "sasl.jaas.config", "kafka.ssl.key.password",
                "kafka.ssl.keystore.password", "kafka.ssl.truststore.password", "kafka.ssl.keystore.key",
                "kafka.producer.sasl.jaas.config", "kafka.admin.ssl.keystore.password",
                "kafka.listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "kafka.sasl.oauthbearer.client.credentials.client.secret", "kafka.SASL.JAAS.CONFIG")) {
            assertTrue(SecretSettings.isSecret(key), key);
        }
    }

    @Test
    void everythingElseIsShown() {
        for (String key : List.of("kafka.sasl.mechanism", "kafka.security.protocol", "kafka.ssl.truststore.location",
                "bootstrap.servers", "alert.critical", "application.id", "kafka.sasl.login.callback.handler.class")) {
            assertFalse(SecretSettings.isSecret(key), key);
        }
    }

    @Test
    void maskingReplacesOnlyTheSecretsValues() {
        Map<String, String> shown = SecretSettings.masked(Map.of("kafka.sasl.jaas.config", JAAS,
                "kafka.ssl.key.password", "hunter2", "kafka.sasl.mechanism", "SCRAM-SHA-512", "alert.critical", "7"));
        assertEquals(Map.of("kafka.sasl.jaas.config", "[hidden]", "kafka.ssl.key.password", "[hidden]",
                "kafka.sasl.mechanism", "SCRAM-SHA-512", "alert.critical", "7"), shown);
    }

    @Test
    void aConfigPrintsWithItsSecretsMasked() {
        String printed = EscmonConfig.load(null, Map.of("KAFKA_SASL_JAAS_CONFIG", JAAS, "KAFKA_SSL_KEY_PASSWORD", "hunter2"),
                Map.of()).toString();
        assertTrue(printed.contains("kafka.sasl.jaas.config=[hidden]") && printed.contains("kafka.ssl.key.password=[hidden]"), printed);
        assertTrue(printed.contains("alert.critical=7"), printed);
        assertFalse(printed.contains("s3cr") || printed.contains("hunter2") || printed.contains("ScramLoginModule"), printed);
    }
}
