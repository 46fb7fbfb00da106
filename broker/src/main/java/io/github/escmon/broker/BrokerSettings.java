package io.github.escmon.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** The broker properties of the single combined (broker + controller) node. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CLIENT_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private BrokerSettings() {
    }

    static Properties of(Path logDir, int clientPort, int controllerPort, Map<String, String> overrides) {
        String host = Ports.LOOPBACK.getHostAddress();
        Properties p = new Properties();

        // KRaft combined mode: this one process is the whole cluster.
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // A static voter set (not a dynamic KIP-853 quorum): the controller endpoint then lives only in this config,
        // not in the metadata log, so a kept data dir can restart on different ports.
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", CLIENT_LISTENER + "://" + host + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        p.put("advertised.listeners", CLIENT_LISTENER + "://" + host + ":" + clientPort);
        p.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", CLIENT_LISTENER);
        p.put("log.dirs", logDir.toString());

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
}
