package io.github.escmon.app.monitor;

import io.github.escmon.events.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the monitor's topics when they are missing. All keep records forever ({@code retention.ms=-1}):
 * their timestamps are event times, often years old, which time retention would delete at once.
 */
public final class TopicSetup {

    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    private static final Map<String, String> FOREVER = Map.of("retention.ms", "-1",
            // event times may run ahead of the broker's clock (incident.max-future): do not refuse them
            "message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE),
            // record times are event times, whatever the cluster's default (tick clocks and output order read them)
            "message.timestamp.type", "CreateTime");

    private static final Duration SERVED_WITHIN = Duration.ofSeconds(60);

    private TopicSetup() {
    }

    public static void ensure(Admin admin, TopicNames topics, int partitions, short replicationFactor) {
        ensure(admin, List.of(topics.incidents(), topics.deadLetter(), topics.scores(), topics.alerts()), partitions,
                replicationFactor);
    }

    /** As above, for any topics (the bench's scratch topics), with the same settings. */
    public static void ensure(Admin admin, List<String> names, int partitions, short replicationFactor) {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
        List<NewTopic> missing = new ArrayList<>();
        for (String name : names) {
            if (!existing.contains(name)) {
                missing.add(new NewTopic(name, Optional.of(partitions), Optional.of(replicationFactor)).configs(FOREVER));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> created = missing.stream().map(NewTopic::name).toList();
        try {
            admin.createTopics(missing).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                // listTopics shows only what the user may DESCRIBE: a topic it may not see looks missing
                throw new TopicAuthorizationException("may not create topics " + created + ", which are missing or which "
                        + "this user may not see (DESCRIBE); create them beforehand, or grant CREATE on them", Set.copyOf(created));
            }
            if (e.getCause() instanceof TopicExistsException) {
                return;
            }
            throw new IllegalStateException("cannot create topics " + missing + ": " + e.getCause().getMessage(), e.getCause());
        }
        try {
            awaitServed(admin, created);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for topics " + created, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("created topics " + created + " but cannot read their offsets: "
                    + e.getCause().getMessage(), e.getCause());
        }
        LOG.info("Created topics {} ({} partitions, retention forever)", created, partitions);
    }

    /**
     * Returns once the leader serves every partition of {@code names}. Creation returns earlier, and an idempotent
     * producer whose first batch to a partition meets NOT_LEADER_OR_FOLLOWER can then loop on
     * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout: two minutes lost, then "Expiring N record(s)" (seen
     * on a loaded machine, in the bench and in CrashIT). Listing end offsets is answered only by a serving leader:
     * the admin client retries NOT_LEADER_OR_FOLLOWER itself, and this retries UNKNOWN_TOPIC_OR_PARTITION (a broker
     * that has not created the partition yet).
     */
    private static void awaitServed(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + SERVED_WITHIN.toNanos();
        for (String name : names) {
            while (true) {
                try {
                    Drain.endOffsets(admin, name);
                    break;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        // CREATE without DESCRIBE (which READ or WRITE would bring): Kafka's error names no topic
                        throw new TopicAuthorizationException("created topic " + name + " but may not DESCRIBE it", Set.of(name));
                    }
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " was created but its partitions are not served after "
                            + SERVED_WITHIN.toSeconds() + " s; is the broker overloaded?");
                }
                Thread.sleep(50);
            }
        }
    }
}
