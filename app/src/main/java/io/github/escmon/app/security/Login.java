package io.github.escmon.app.security;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a command logs in to Kafka as, from its client settings: the user name of {@code sasl.jaas.config} (never the
 * password), the mechanism and the protocol, for messages that say what to check.
 */
public record Login(String user, String mechanism, String protocol) {

    private static final Pattern USERNAME = Pattern.compile("\\busername\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\\s;]+))");

    public static Login of(Properties client) {
        String protocol = client.getProperty("security.protocol", "PLAINTEXT");
        String mechanism = client.getProperty("sasl.mechanism", "GSSAPI");
        String jaas = client.getProperty("sasl.jaas.config");
        String user = null;
        if (jaas != null) {
            Matcher m = USERNAME.matcher(jaas);
            if (m.find()) {
                user = m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2);
            }
        }
        return new Login(user, mechanism, protocol);
    }

    public boolean usesSasl() {
        return protocol.toUpperCase(java.util.Locale.ROOT).startsWith("SASL");
    }

    /** {@code User:NAME} for kafka-acls, or a placeholder when the name is not known here. */
    public String principal() {
        return "User:" + (user == null ? "<user>" : user);
    }

    /** {@code user 'escmon' (SCRAM-SHA-512 over SASL_PLAINTEXT)}. */
    public String describe() {
        if (!usesSasl()) {
            return "no SASL login (security.protocol " + protocol + ")";
        }
        return (user == null ? "the user of kafka.sasl.jaas.config" : "user '" + user + "'") + " (" + mechanism + " over " + protocol + ")";
    }
}
