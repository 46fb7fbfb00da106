package io.github.escmon.broker;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/** The broker properties of the single combined (broker + controller) node. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String SASL_LISTENER = SaslSecurity.PROTOCOL;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

    private BrokerSettings() {
    }

    /** @param sasl SASL and ACLs on the client listener, or null for a PLAINTEXT listener without an authorizer */
    static Properties of(Path logDir, int clientPort, int controllerPort, Map<String, String> overrides, SaslSecurity sasl) {
        String host = Ports.LOOPBACK.getHostAddress();
        String client = sasl == null ? CLIENT_LISTENER : SASL_LISTENER;
        Properties p = new Properties();

        // KRaft combined mode: this one process is the whole cluster.
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // A static voter set (not a dynamic KIP-853 quorum): the controller endpoint then lives only in this config,
        // not in the metadata log, so a kept data dir can restart on different ports.
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", client + "://" + host + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", client + "://" + host + ":" + clientPort);
        p.put("listener.security.protocol.map", client + ":" + client + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", client);
        p.put("log.dirs", logDir.toString());
        if (sasl != null) {
            secure(p, sasl);
        }

        // One replica is all there is: internal topics (offsets, transactions, share groups) must accept that,
        // or consumer groups and exactly-once Kafka Streams never become ready.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // The defaults (50 partitions each) make the first consumer group / transaction wait for dozens of
        // partitions to be created; one node gains nothing from them.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // Nobody else will join: do not hold the first rebalance back.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        // The application creates its topics with explicit settings; a typo must not silently create one.
        p.put("auto.create.topics.enable", "false");
        // The cleaner's default 128 MiB on-heap dedupe buffer is sized for a dedicated server, not an embedded one.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        // Fail start() instead of hanging forever if the node cannot come up.
        p.put("server.max.startup.time.ms", "60000");

        p.putAll(overrides);
        return p;
    }

    /**
     * SCRAM on the client listener, which is also the inter-broker one (the transaction coordinator writes its
     * markers through it, to this same node), and the KRaft authorizer. The controller listener stays PLAINTEXT:
     * the node's broker half registers with its controller half over it as {@code User:ANONYMOUS}, which must
     * therefore be a super user. It listens on loopback only; clients use the client listener.
     */
    private static void secure(Properties p, SaslSecurity sasl) {
        String prefix = "listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + "."
                + SaslSecurity.MECHANISM.toLowerCase(Locale.ROOT) + ".";
        p.put("sasl.enabled.mechanisms", SaslSecurity.MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", SaslSecurity.MECHANISM);
        p.put(prefix + "sasl.jaas.config", SaslSecurity.jaasConfig(sasl.superUser(), sasl.superUserPassword()));
        p.put("authorizer.class.name", AUTHORIZER);
        p.put("super.users", "User:" + sasl.superUser() + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
    }
}
