package io.github.escmon.broker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How to start an {@link EmbeddedKafka}.
 *
 * @param dataDir            where Kafka keeps its data (under {@code dataDir/kafka}); {@code null} means a temp dir that
 *                           is deleted at close
 * @param port               the client port on 127.0.0.1; 0 means a random free port
 * @param fallbackToFreePort if {@code port} is taken, use a free port instead of failing
 * @param brokerOverrides    Kafka broker properties that replace the embedded defaults (applied last)
 * @param sasl               SASL (SCRAM) on the client listener and ACLs enforced; {@code null}: neither (PLAINTEXT,
 *                           no authorizer)
 */
public record EmbeddedKafkaConfig(Path dataDir, int port, boolean fallbackToFreePort, Map<String, String> brokerOverrides,
                                  SaslSecurity sasl) {

    public EmbeddedKafkaConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        brokerOverrides = brokerOverrides == null ? Map.of() : Map.copyOf(brokerOverrides);
    }

    /** A throwaway broker: temp dir (deleted at close), random free port. */
    public static EmbeddedKafkaConfig ephemeral() {
        return new EmbeddedKafkaConfig(null, 0, true, Map.of(), null);
    }

    /** A broker whose data survives restarts, preferring {@code port} but falling back to a free one if it is taken. */
    public static EmbeddedKafkaConfig persistent(Path dataDir, int port) {
        return new EmbeddedKafkaConfig(dataDir, port, true, Map.of(), null);
    }

    public EmbeddedKafkaConfig withDataDir(Path dataDir) {
        return new EmbeddedKafkaConfig(dataDir, port, fallbackToFreePort, brokerOverrides, sasl);
    }

    public EmbeddedKafkaConfig withPort(int port) {
        return new EmbeddedKafkaConfig(dataDir, port, fallbackToFreePort, brokerOverrides, sasl);
    }

    public EmbeddedKafkaConfig withFallbackToFreePort(boolean fallbackToFreePort) {
        return new EmbeddedKafkaConfig(dataDir, port, fallbackToFreePort, brokerOverrides, sasl);
    }

    public EmbeddedKafkaConfig withBrokerOverrides(Map<String, String> brokerOverrides) {
        return new EmbeddedKafkaConfig(dataDir, port, fallbackToFreePort, brokerOverrides, sasl);
    }

    /** The same broker with a SASL/SCRAM client listener and ACLs enforced (see {@link SaslSecurity}). */
    public EmbeddedKafkaConfig withSasl(SaslSecurity sasl) {
        return new EmbeddedKafkaConfig(dataDir, port, fallbackToFreePort, brokerOverrides, sasl);
    }

    /** Adds (or replaces) one broker property override. */
    public EmbeddedKafkaConfig withBrokerOverride(String key, String value) {
        Map<String, String> overrides = new HashMap<>(brokerOverrides);
        overrides.put(key, value);
        return withBrokerOverrides(overrides);
    }
}
