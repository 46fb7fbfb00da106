package io.github.escmon.app.cli;

import io.github.escmon.alerts.topology.AlertTopology;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.topology.ScoringTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clean-up of what a one-off run (backtest, replay, a bench run) created on a shared cluster and on disk. */
public final class RunTopics {

    private static final Logger LOG = LoggerFactory.getLogger(RunTopics.class);

    private static final List<String> INTERNAL_STORES = List.of(ScoringTopology.WINDOW_STORE,
            ScoringTopology.WINDOW_EVENTS_STORE, ScoringTopology.TICKING_STORE,
            ScoringTopology.CLOCK_STORE, ScoringTopology.SEEN_STORE,
            AlertTopology.STATE_STORE);

    private RunTopics() {
    }

    /** Deletes the run's topics, its internal topics and its consumer group; reports, never throws. */
    public static void delete(Admin admin, TopicNames topics, String applicationId) {
        delete(admin, topics, applicationId, List.of());
    }

    /** As above, sparing {@code shared} topics (a replay reads the live input topic and must not delete it). */
    public static void delete(Admin admin, TopicNames topics, String applicationId, List<String> shared) {
        try {
            // exactly this application's changelogs: a prefix match would also take "<id>-more"'s topics
            List<String> internal = INTERNAL_STORES.stream().map(store -> applicationId + "-" + store + "-changelog").toList();
            var names = new java.util.ArrayList<>(List.of(topics.incidents(), topics.deadLetter(), topics.scores(), topics.alerts()));
            names.removeAll(shared);
            names.addAll(internal);
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            names.retainAll(existing);
            admin.deleteTopics(names).all().get(30, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Could not delete the run's topics or group {}: {}", applicationId, e.toString());
        }
    }

    public static void deleteDirectory(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
