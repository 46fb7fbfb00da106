package io.github.escmon.app.bench;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
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

    private static final Duration LEADERS_WITHIN = Duration.ofSeconds(30);

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
     * Creates topics and waits until every partition has a leader: a producer that starts on a partition whose
     * leader is not yet known can stall there until its delivery timeout (seen on a loaded machine).
     */
    void createTopics(List<String> names) throws InterruptedException, ExecutionException {
        TopicSetup.ensure(cluster.admin(), names, settings.partitions(), (short) config.integer("topics.replication-factor"));
        long deadline = System.nanoTime() + LEADERS_WITHIN.toNanos();
        while (!haveLeaders(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + names + " still have no leader after " + LEADERS_WITHIN);
            }
            Thread.sleep(50);
        }
    }

    private boolean haveLeaders(List<String> names) throws InterruptedException, ExecutionException {
        try {
            return cluster.admin().describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }
}
