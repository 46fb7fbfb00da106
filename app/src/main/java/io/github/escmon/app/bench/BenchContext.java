package io.github.escmon.app.bench;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.events.Codebook;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * What every phase of one bench shares: the cluster, the configuration, the settings, a run id that makes its
 * topic and application names unique, a scratch directory for state, Ctrl-C, and where progress goes.
 */
record BenchContext(Cluster cluster, EscmonConfig config, BenchSettings settings, String runId, Path workDir,
                    BooleanSupplier stopRequested, PrintStream progress) {

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

    /** Creates topics and returns once their leader serves every partition ({@link TopicSetup#ensure}). */
    void createTopics(List<String> names) {
        TopicSetup.ensure(cluster.admin(), names, settings.partitions(), (short) config.integer("topics.replication-factor"));
    }
}
