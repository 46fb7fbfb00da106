package io.github.escmon.app.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.escmon.app.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaOptionsTest {

    @Test
    void aSecretInASetFlagIsRefusedByNameNeverEchoed() {
        var e = assertThrows(ConfigException.class,
                () -> KafkaOptions.refuseSecrets(Map.of("kafka.ssl.truststore.password", "hunter2")));
        assertEquals("--set kafka.ssl.truststore.password: a secret is not accepted on the command line, where any user "
                + "of this machine can read it (ps); put it in the --config file (kafka.ssl.truststore.password=...) or "
                + "the environment (KAFKA_SSL_TRUSTSTORE_PASSWORD)", e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void otherSettingsPass() {
        assertDoesNotThrow(() -> KafkaOptions.refuseSecrets(Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.security.protocol", "SASL_SSL", "alert.critical", "6")));
    }
}
