package io.github.escmon.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Json;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Replays of a historical topic (the mixed scenario: six dyads over a month, with duplicates, domestic, late and
 * out-of-order events) on the real broker, held to what issue #4 promises.
 */
@WithKafka
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Instant FROM = Instant.parse("2024-03-15T00:00:00Z");
    private String bootstrap;
    private TopicNames six;
    private TopicNames one;
    private Run live;
    private Path state;

    @BeforeAll
    void publishTheHistoryOnSixAndOnOnePartition(KafkaCluster kafka) throws Exception {
        bootstrap = kafka.bootstrapServers();
        state = Files.createTempDirectory("replay-it");
        six = TopicNames.defaults().withSuffix(KafkaCluster.uniqueName("hist6"));
        one = TopicNames.defaults().withSuffix(KafkaCluster.uniqueName("hist1"));
        live = publishAndRunLive(six, 6);
        publishAndRunLive(one, 1);
    }

    /** Publishes the scenario to fresh topics and runs a live monitor over them to the end (the "full replay"). */
    /** A run's records, read into lists. */
    private record Run(List<DyadScore> scores, List<Alert> alerts) {
    }

    private Run publishAndRunLive(TopicNames topics, int partitions) throws Exception {
        EscmonConfig config = config(topics, "live-" + topics.incidents(), Map.of("topics.partitions", Integer.toString(partitions)));
        try (Cluster cluster = Cluster.external(config)) {
            var rows = Sources.open(new BufferedReader(new StringReader(String.join("\n", Golden.lines("/golden/mixed.jsonl")))),
                    Format.JSONL, config.sourceSettings());
            try (Backtest.Result r = Backtest.run(cluster, config, rows, TIMEOUT, n -> { })) {
                return new Run(r.scores().toList(), r.alerts().toList());
            }
        }
    }

    private EscmonConfig config(TopicNames topics, String appId, Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(extra);
        s.put("bootstrap.servers", bootstrap);
        s.put("application.id", appId);
        s.put("state.dir", state.resolve(appId).toString());
        s.put("topics.incidents", topics.incidents());
        s.put("topics.dead-letter", topics.deadLetter());
        s.put("topics.scores", topics.scores());
        s.put("topics.alerts", topics.alerts());
        return EscmonConfig.load(null, Map.of(), s);
    }

    private Run replay(TopicNames input, Instant from, Instant to, Map<String, String> settings) throws Exception {
        String name = KafkaCluster.uniqueName("rp");
        TopicNames out = new TopicNames(input.incidents(), input.deadLetter() + "." + name, input.scores() + "." + name,
                input.alerts() + "." + name);
        EscmonConfig config = config(out, "escmon-replay-" + name, settings);
        try (Cluster cluster = Cluster.external(config)) {
            try (Replay.Result r = Replay.run(cluster, config, from, to, Duration.ZERO, TIMEOUT, n -> { })) {
                return new Run(r.scores().toList(), r.alerts().toList());
            }
        }
    }

    private static String json(List<?> records) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Object r : records) {
            b.append(Json.MAPPER.writeValueAsString(r)).append('\n');
        }
        return b.toString();
    }

    private static List<DyadScore> scoresFrom(List<DyadScore> scores, Instant from) {
        return scores.stream().filter(s -> !s.at().isBefore(from)).toList();
    }

    @Test
    void replayingTheSameRangeTwiceGivesByteIdenticalRecords() throws Exception {
        Run a = replay(six, FROM, null, Map.of());
        Run b = replay(six, FROM, null, Map.of());
        assertTrue(a.scores().size() > 100, "the range holds scores");
        assertEquals(json(a.scores()), json(b.scores()));
        assertEquals(json(a.alerts()), json(b.alerts()));
    }

    @Test
    void aFullReplayEqualsTheLiveRunAndTheBacktestOfTheFileWhateverThePartitionCount() throws Exception {
        Instant beginning = Instant.parse("2024-03-01T00:00:00Z");
        Run onSix = replay(six, beginning, null, Map.of());
        Run onOne = replay(one, beginning, null, Map.of());
        assertEquals(json(live.scores()), json(onSix.scores()), "replay of the topic = the file's run");
        assertEquals(json(live.alerts()), json(onSix.alerts()));
        assertEquals(json(onSix.scores()), json(onOne.scores()), "1 partition = 6 partitions");
        assertEquals(json(onSix.alerts()), json(onOne.alerts()));
    }

    @Test
    void aReplayFromMidHistoryGivesTheFullRunsScoresFromThatTimeOn() throws Exception {
        Run mid = replay(six, FROM, null, Map.of());
        assertEquals(json(scoresFrom(live.scores(), FROM)), json(mid.scores()));
        Set<String> openAtLeadIn = openAlerts(live.alerts(), ReplayPlan.leadInFrom(FROM, Duration.ofDays(14), Duration.ofHours(1), Duration.ZERO));
        List<Alert> expected = live.alerts().stream()
                .filter(a -> !a.at().isBefore(FROM) && !openAtLeadIn.contains(a.dyad())).toList();
        List<Alert> got = mid.alerts().stream().filter(a -> !openAtLeadIn.contains(a.dyad())).toList();
        assertEquals(json(expected), json(got));
        assertTrue(!expected.isEmpty(), "alerts after " + FROM + " to compare");
    }

    @Test
    void aReplayStopsAfterTo() throws Exception {
        Instant to = Instant.parse("2024-03-20T00:00:00Z");
        Run r = replay(six, FROM, to, Map.of());
        assertTrue(r.scores().stream().allMatch(s -> !s.at().isAfter(to.plus(Duration.ofDays(14)))));
        List<DyadScore> expected = scoresFrom(live.scores(), FROM).stream()
                .filter(s -> s.eventId() == null ? !s.at().isAfter(to) : true).toList();
        assertTrue(r.scores().size() < scoresFrom(live.scores(), FROM).size());
        assertEquals(json(r.scores()), json(r.scores().stream().filter(expected::contains).toList()),
                "every record of a bounded replay is a record of the full run");
    }

    @Test
    void changedThresholdsChangeOnlyTheAlerts() throws Exception {
        Run normal = replay(six, FROM, null, Map.of());
        Run strict = replay(six, FROM, null, Map.of("alert.critical", "9", "alert.warning", "4"));
        assertEquals(json(normal.scores()), json(strict.scores()));
        assertNotEquals(json(normal.alerts()), json(strict.alerts()));
    }

    @Test
    void aReplayAndTheLiveMonitorRunSideBySideUndisturbed() throws Exception {
        EscmonConfig liveConfig = config(six, "live2-" + six.incidents(), Map.of());
        try (Cluster cluster = Cluster.external(liveConfig); Monitor running = new Monitor(liveConfig).start(TIMEOUT)) {
            Run r = replay(six, FROM, null, Map.of());
            assertEquals(json(scoresFrom(live.scores(), FROM)), json(r.scores()));
            running.checkHealthy();
            var groups = cluster.admin().listConsumerGroupOffsets("live2-" + six.incidents()).partitionsToOffsetAndMetadata().get();
            assertTrue(groups.keySet().stream().allMatch(tp -> tp.topic().equals(six.incidents())),
                    "the live group reads only the live input");
        }
    }

    /** Dyads whose alert episode is open at {@code t} in the full run. */
    private static Set<String> openAlerts(List<Alert> alerts, Instant t) {
        Set<String> open = new HashSet<>();
        for (Alert a : alerts) {
            if (a.at().isAfter(t)) {
                break;
            }
            if (Alert.RESOLVED.equals(a.status())) {
                open.remove(a.dyad());
            } else {
                open.add(a.dyad());
            }
        }
        return open;
    }
}
