package io.github.escmon.app.bench;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.events.Codebook;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What every phase of one bench shares: the cluster, the configuration, the settings, a run id that makes its
 * topic and application names unique, a scratch directory for state, Ctrl-C, and where progress goes.
 */
record BenchContext(Cluster cluster, EscmonConfig config, BenchSettings settings, String runId, Path workDir,
                    BooleanSupplier stopRequested, PrintStream progress) {

    private static final Duration TOPICS_READY_WITHIN = Duration.ofSeconds(60);

    /** Throws {@link BenchStopped} once Ctrl-C came. */
    void checkStop() {
        if (stopRequested.getAsBoolean()) {
            throw new BenchStopped();
        }
    }

    void say(String format, Object... args) {
        progress.println("bench: " + String.format(Locale.ROOT, format, args));
    }

    /** {@code bench-<run id>-<tag>}: a name for a topic or an application id no other run uses. */
    String name(String tag) {
        return "bench-" + runId + "-" + tag;
    }

    WorkloadGenerator generator(long events) {
        return new WorkloadGenerator(settings.workload().withEvents(events), Codebook.standard(),
                config.scoreParameters().hostileMaxGoldstein());
    }

    /**
     * Creates topics and returns once their leader serves every partition. Creation returns earlier, and an
     * idempotent producer whose first batch to a partition meets NOT_LEADER_OR_FOLLOWER can then loop on
     * OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery timeout (two minutes lost, then the run fails: seen here on a
     * loaded machine). Listing the end offsets is answered only by a serving leader: the admin client retries
     * NOT_LEADER_OR_FOLLOWER itself, and this retries UNKNOWN_TOPIC_OR_PARTITION (a broker that has not created the
     * partition yet).
     */
    void createTopics(List<String> names) throws InterruptedException, ExecutionException {
        TopicSetup.ensure(cluster.admin(), names, settings.partitions(), (short) config.integer("topics.replication-factor"));
        long deadline = System.nanoTime() + TOPICS_READY_WITHIN.toNanos();
        for (String name : names) {
            while (!serves(name)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + name + " was created but its partitions are not served after "
                            + TOPICS_READY_WITHIN.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }
    }

    private boolean serves(String topic) throws InterruptedException, ExecutionException {
        try {
            Drain.endOffsets(cluster.admin(), topic);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }
}
