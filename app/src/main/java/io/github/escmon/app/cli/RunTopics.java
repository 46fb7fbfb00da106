package io.github.escmon.app.cli;

import io.github.escmon.events.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean-up of what a one-off run (backtest) created on a shared cluster and on disk. */
final class RunTopics {

    private static final Logger LOG = LoggerFactory.getLogger(RunTopics.class);

    private RunTopics() {
    }

    /** Deletes the run's topics, its internal topics and its consumer group; reports, never throws. */
    static void delete(Admin admin, TopicNames topics, String applicationId) {
        delete(admin, topics, applicationId, List.of());
    }

    /** As above, sparing {@code shared} topics (a replay reads the live input topic and must not delete it). */
    static void delete(Admin admin, TopicNames topics, String applicationId, List<String> shared) {
        try {
            List<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(n -> n.startsWith(applicationId + "-")).toList();
            var names = new java.util.ArrayList<>(List.of(topics.incidents(), topics.deadLetter(), topics.scores(), topics.alerts()));
            names.removeAll(shared);
            names.addAll(internal);
            admin.deleteTopics(names).all().get(30, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Could not delete the run's topics or group {}: {}", applicationId, e.toString());
        }
    }

    static void deleteDirectory(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
