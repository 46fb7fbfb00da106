package io.github.escmon.broker;

import java.util.Map;
import java.util.Objects;

/**
 * A secured embedded broker: its client listener is SASL_PLAINTEXT with SCRAM-SHA-512, and Kafka's
 * {@code StandardAuthorizer} allows nothing that no ACL allows, except to the super user. Users and ACLs are made
 * with the super user's Admin client ({@code alterUserScramCredentials}, {@code createAcls}).
 *
 * <p>The super user's SCRAM credential is written when the data dir is formatted (as {@code kafka-storage format
 * --add-scram} does), since the broker authenticates to itself with it: a kept data dir keeps the credential it was
 * formatted with.
 *
 * @param superUser         the name of the super user, which the broker also uses for itself
 * @param superUserPassword its password
 */
public record SaslSecurity(String superUser, String superUserPassword) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    public SaslSecurity {
        Objects.requireNonNull(superUser, "superUser");
        Objects.requireNonNull(superUserPassword, "superUserPassword");
        if (!superUser.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("super user name: letters, digits, '_', '.' and '-' only, got '" + superUser + "'");
        }
        // what kafka-storage's --add-scram can carry: it splits on commas and ends at ']'
        if (superUserPassword.isEmpty() || superUserPassword.matches(".*[,\\]\"\\s].*")) {
            throw new IllegalArgumentException("super user password: not empty, and no ',', ']', '\"' or spaces");
        }
    }

    /** The {@code sasl.jaas.config} of a SCRAM client logging in as {@code user}. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(user)
                + "\" password=\"" + quoted(password) + "\";";
    }

    /** The client settings (besides {@code bootstrap.servers}) of a client logging in as {@code user}. */
    public static Map<String, String> clientSettings(String user, String password) {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig(user, password));
    }

    /** The client settings of the super user. */
    public Map<String, String> superUserSettings() {
        return clientSettings(superUser, superUserPassword);
    }

    /** The argument of {@code kafka-storage format --add-scram} that creates the super user's credential. */
    String scramArgument() {
        return MECHANISM + "=[name=" + superUser + ",password=" + superUserPassword + "]";
    }

    /** A password never shows in logs, exceptions or test reports. */
    @Override
    public String toString() {
        return "SaslSecurity[" + MECHANISM + ", super user " + superUser + "]";
    }

    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
