package io.github.escmon.app.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Which settings hold secrets, so that they are never shown and never taken from the command line. A secret is a
 * Kafka client setting that Kafka itself types as a password ({@code sasl.jaas.config}, {@code ssl.key.password},
 * {@code ssl.keystore.key}, …), under any prefix ({@code kafka.}, Kafka Streams' {@code producer.}, {@code admin.},
 * a listener's), or any setting whose name says password or secret (a login module's or a plug-in's own).
 */
public final class SecretSettings {

    /** What a secret's value reads as wherever escmon shows settings. */
    public static final String HIDDEN = "[hidden]";

    private static final Set<String> KAFKA_PASSWORDS = kafkaPasswords();

    private SecretSettings() {
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("password") || k.contains("secret") || k.endsWith("jaas.config")) {
            return true;
        }
        for (String password : KAFKA_PASSWORDS) {
            if (k.equals(password) || k.endsWith("." + password)) {
                return true;
            }
        }
        return false;
    }

    /** The settings with every secret's value replaced by {@value #HIDDEN}, sorted by name. */
    public static Map<String, String> masked(Map<String, String> settings) {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((key, value) -> shown.put(key, isSecret(key) ? HIDDEN : value));
        return shown;
    }

    private static Set<String> kafkaPasswords() {
        Set<String> names = new TreeSet<>();
        for (ConfigDef def : new ConfigDef[] {ProducerConfig.configDef(), ConsumerConfig.configDef()}) {
            def.configKeys().forEach((name, key) -> {
                if (key.type == ConfigDef.Type.PASSWORD) {
                    names.add(name);
                }
            });
        }
        return names;
    }
}
