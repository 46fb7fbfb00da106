package io.github.escmon.app.security;

import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.events.TopicNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The ACLs each command needs on a cluster with an authorizer, for the settings it runs with (the README's
 * "Secured clusters" lists the same). Creating a missing main topic needs CREATE on it besides; topics made
 * beforehand need none.
 */
public final class CommandAcls {

    private CommandAcls() {
    }

    /**
     * {@code escmon run}: read the incidents, write scores, alerts and dead letters, keep the state stores' changelogs
     * (internal topics {@code <application.id>-…}), be a member of group {@code <application.id>}, and, under
     * exactly-once, open transactions as {@code <application.id>-…}.
     */
    public static List<AclNeed> monitor(EscmonConfig config) {
        TopicNames t = config.topics();
        List<AclNeed> needs = new ArrayList<>(List.of(
                AclNeed.literal(TOPIC, t.incidents(), READ),
                AclNeed.literal(TOPIC, t.scores(), WRITE),
                AclNeed.literal(TOPIC, t.alerts(), WRITE),
                AclNeed.literal(TOPIC, t.deadLetter(), WRITE)));
        needs.addAll(application(config, CREATE, READ, WRITE));
        return needs;
    }

    /** {@code escmon produce}: write the incidents (an idempotent producer needs nothing more), and dead letters with --dlq. */
    public static List<AclNeed> produce(EscmonConfig config, boolean deadLetters) {
        List<AclNeed> needs = new ArrayList<>(List.of(AclNeed.literal(TOPIC, config.topics().incidents(), WRITE)));
        if (deadLetters) {
            needs.add(AclNeed.literal(TOPIC, config.topics().deadLetter(), WRITE));
        }
        return needs;
    }

    /** {@code escmon alerts}: read the alerts topic (without a consumer group). */
    public static List<AclNeed> alerts(EscmonConfig config) {
        return List.of(AclNeed.literal(TOPIC, config.topics().alerts(), READ));
    }

    /**
     * {@code escmon backtest --bootstrap-servers}: a monitor on topics and an application of its own, which it
     * creates, writes, reads back and deletes.
     */
    public static List<AclNeed> backtest(EscmonConfig config) {
        TopicNames t = config.topics();
        List<AclNeed> needs = new ArrayList<>();
        for (String topic : List.of(t.incidents(), t.deadLetter(), t.scores(), t.alerts())) {
            needs.add(AclNeed.literal(TOPIC, topic, CREATE, READ, WRITE, DELETE));
        }
        needs.addAll(application(config, CREATE, READ, WRITE, DELETE));
        return needs;
    }

    /** {@code escmon replay}: read the live incidents; its own outputs and application as for a backtest. */
    public static List<AclNeed> replay(EscmonConfig config) {
        TopicNames t = config.topics();
        List<AclNeed> needs = new ArrayList<>(List.of(AclNeed.literal(TOPIC, t.incidents(), READ)));
        for (String topic : List.of(t.deadLetter(), t.scores(), t.alerts())) {
            needs.add(AclNeed.literal(TOPIC, topic, CREATE, READ, WRITE, DELETE));
        }
        needs.addAll(application(config, CREATE, READ, WRITE, DELETE));
        return needs;
    }

    /** {@code escmon reset}: move the group's input offsets, delete the application's internal topics. */
    public static List<AclNeed> reset(EscmonConfig config) {
        String app = config.get("application.id");
        return List.of(AclNeed.literal(TOPIC, config.topics().incidents(), READ),
                AclNeed.literal(GROUP, app, READ),
                AclNeed.prefixed(TOPIC, app + "-", DELETE));
    }

    /** A Kafka Streams application's own resources: internal topics, its group (DELETE too for one-off runs), transactions. */
    private static List<AclNeed> application(EscmonConfig config, org.apache.kafka.common.acl.AclOperation... internalTopics) {
        String app = config.get("application.id");
        boolean oneOff = List.of(internalTopics).contains(DELETE);
        List<AclNeed> needs = new ArrayList<>(List.of(
                AclNeed.prefixed(TOPIC, app + "-", internalTopics),
                oneOff ? AclNeed.literal(GROUP, app, READ, DELETE) : AclNeed.literal(GROUP, app, READ)));
        if (config.get("processing.guarantee").startsWith("exactly_once")) {
            needs.add(AclNeed.prefixed(TRANSACTIONAL_ID, app + "-", WRITE));
        }
        return needs;
    }
}
