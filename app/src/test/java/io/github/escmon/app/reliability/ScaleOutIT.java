package io.github.escmon.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.events.Json;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.testkit.KafkaAwait;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, test 4: two {@code escmon run} instances (the jar, child JVMs) with one application id share the six
 * partitions of a GDELT-shaped workload. While both run, {@code /dyads/{dyad}} answers the same from either
 * instance, for dyads held by each; then one is killed with SIGKILL mid-run, the other takes its partitions over,
 * and the committed output equals a one-instance run's ({@code escmon backtest} of the same file), per dyad and in
 * order. {@code -Descmon.scaleout.events} makes it longer; {@code -Descmon.scaleout.guarantee=at_least_once} makes
 * it fail on doubled records.
 */
@WithKafka
@Timeout(600)
class ScaleOutIT {

    private static final int EVENTS = Integer.getInteger("escmon.scaleout.events", 60_000);
    private static final String GUARANTEE = System.getProperty("escmon.scaleout.guarantee", "exactly_once_v2");
    /** The part of the input published, and processed by both instances, before the queries. */
    private static final double FIRST_PART = 0.3;
    /** Where the kill comes: this much of the input committed. */
    private static final double KILL_AT = 0.6;
    /** How long a killed instance's partitions stay with it: the group notices it is gone only when this runs out. */
    private static final String SESSION_TIMEOUT_MS = "6000";
    private static final Duration WAIT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void twoInstancesAnswerForEachOtherAndTheSurvivorOfAKillFinishesWithTheOneInstanceOutput(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        String bootstrap = kafka.bootstrapServers();
        Reference reference = Reference.of(dir, EVENTS, bootstrap);
        IsolatedTopics topics = IsolatedTopics.named("scaleout");
        EscmonConfig config = EscmonConfig.load(null, Map.of(), Map.of("bootstrap.servers", bootstrap,
                "topics.incidents", topics.incidents(), "topics.dead-letter", topics.deadLetter(),
                "topics.scores", topics.scores(), "topics.alerts", topics.alerts()));
        Path logs = Files.createDirectories(Path.of("target", "it-logs", "ScaleOutIT"));
        GroupAssignment group = new GroupAssignment(kafka.admin(), topics.applicationId(), topics.incidents());
        String facts;
        try (Cluster cluster = Cluster.external(config)) {
            Backtest.ensureTopics(cluster, config);
        }
        try (RowReader rows = Sources.open(reference.workload(), Format.JSONL, config.sourceSettings());
             IncidentPublisher publisher = new IncidentPublisher(config.kafkaClientProperties(), topics.incidents(),
                     config.scoreParameters().tick())) {
            EscmonProcess a = instance(topics, bootstrap, dir, logs, group, "a");
            EscmonProcess b = instance(topics, bootstrap, dir, logs, group, "b");
            try (a; b) {
                // both in the group before any input, so that neither has state the other lacks and they split 3 / 3
                KafkaAwait.until("both instances to hold partitions", WAIT, () -> {
                    a.checkAlive();
                    b.checkAlive();
                    Map<String, Set<Integer>> held = group.now();
                    return held.keySet().equals(Set.of("a", "b")) && held.values().stream().noneMatch(Set::isEmpty)
                            && held.values().stream().mapToInt(Set::size).sum() == 6;
                });
                Map<String, Set<Integer>> split = group.now();

                FirstRows first = new FirstRows(rows, Math.round(FIRST_PART * EVENTS));
                FilePublisher.publish(first, publisher, null, n -> { });
                new CommittedInput(kafka.admin(), topics.applicationId(), topics.incidents())
                        .awaitAll(List.of(topics.scores(), topics.alerts()), WAIT, () -> { a.checkAlive(); b.checkAlive(); });
                String queried = queryBoth(a.httpAuthority(WAIT), b.httpAuthority(WAIT), first.incidentsByDyad());

                FilePublisher.publish(rows, publisher, null, n -> { });
                CommittedInput input = new CommittedInput(kafka.admin(), topics.applicationId(), topics.incidents());
                input.awaitAtLeast((long) (KILL_AT * input.total()), WAIT, () -> { a.checkAlive(); b.checkAlive(); });
                String takeover = killAndTakeOver(kafka, topics, group, input, a, b, split.get("b"));
                input.awaitAll(List.of(topics.scores(), topics.alerts()), WAIT, a::checkAlive);
                facts = String.format("split %s; %s; %s", split, queried, takeover);
            }
        }
        var comparison = reference.compareWith(bootstrap, topics);
        System.out.printf("ScaleOutIT (%s): %s; %s%n", GUARANTEE, facts, comparison.figures());
        comparison.assertSame();
    }

    private static EscmonProcess instance(IsolatedTopics topics, String bootstrap, Path dir, Path logs, GroupAssignment group,
                                          String name) {
        return EscmonProcess.start(logs.resolve("run-" + name + ".log"), topics.run(bootstrap, dir.resolve("state-" + name), GUARANTEE,
                "--set", "kafka.client.id=" + group.clientId(name), "--set", "kafka.session.timeout.ms=" + SESSION_TIMEOUT_MS));
    }

    /**
     * SIGKILL to {@code b}, which holds {@code heldByB}; waits until {@code a} holds all six partitions and has
     * committed input of one of b's. Returns how long each took.
     */
    private static String killAndTakeOver(KafkaCluster kafka, IsolatedTopics topics, GroupAssignment group, CommittedInput input,
                                          EscmonProcess a, EscmonProcess b, Set<Integer> heldByB) throws Exception {
        Map<TopicPartition, Long> atKill = committed(kafka, topics);
        long killedAt = input.committed();
        b.kill();
        long killed = System.nanoTime();
        Set<TopicPartition> orphans = heldByB.stream().map(p -> new TopicPartition(topics.incidents(), p)).collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = Drain.endOffsets(kafka.admin(), topics.incidents());
        assertTrue(orphans.stream().anyMatch(tp -> atKill.getOrDefault(tp, 0L) < ends.get(tp)),
                "the killed instance still had input to process: " + atKill + " of " + ends);

        KafkaAwait.until("the survivor to hold all six partitions", WAIT, () -> {
            a.checkAlive();
            return group.now().equals(Map.of("a", Set.of(0, 1, 2, 3, 4, 5)));
        });
        long assigned = System.nanoTime();
        KafkaAwait.until("the survivor to commit input of the killed instance's partitions", WAIT, () -> {
            a.checkAlive();
            Map<TopicPartition, Long> now = committed(kafka, topics);
            return orphans.stream().anyMatch(tp -> now.getOrDefault(tp, 0L) > atKill.getOrDefault(tp, 0L));
        });
        long resumed = System.nanoTime();
        return String.format("SIGKILL to b at %,d of %,d committed; a held all six partitions %.1f s later and committed "
                        + "b's input %.1f s after the kill (session timeout %s ms)", killedAt, input.total(),
                (assigned - killed) / 1e9, (resumed - killed) / 1e9, SESSION_TIMEOUT_MS);
    }

    /**
     * Asks both instances for the busiest dyads of the input so far: each answers 200 with the same window, and
     * between them the answers come from both (each passed on what the other holds). Returns what was asked.
     */
    private String queryBoth(String a, String b, Map<String, Integer> incidentsByDyad) throws Exception {
        List<String> dyads = incidentsByDyad.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(24).map(Map.Entry::getKey).toList();
        Set<String> servers = new TreeSet<>();
        int forwarded = 0;
        for (String dyad : dyads) {
            JsonNode fromA = get(a, "/dyads/" + dyad);
            JsonNode fromB = get(b, "/dyads/" + dyad);
            assertEquals(fromA, fromB, dyad + ": the same answer from either instance");
            assertEquals(dyad, fromA.get("dyad").asText());
            assertTrue(fromA.get("eventsInWindow").asInt() > 0, dyad + ": " + fromA);
            String server = fromA.get("servedBy").asText();
            servers.add(server);
            forwarded += (server.equals(a) ? 0 : 1) + (server.equals(b) ? 0 : 1);
        }
        assertEquals(Set.of(a, b), servers, "the dyads asked for are held by both instances");
        assertEquals(dyads.size(), forwarded, "each dyad was answered once by its holder and once passed on");
        JsonNode alertsA = get(a, "/alerts");
        JsonNode alertsB = get(b, "/alerts");
        assertEquals(alertsA.get("alerts"), alertsB.get("alerts"), "the same open alerts from either instance");
        assertTrue(alertsA.get("complete").asBoolean(), alertsA.toString());
        assertEquals(2, alertsA.get("instances").asInt());
        assertFalse(alertsA.get("alerts").isEmpty(), "the first part leaves alerts open");
        Set<String> holders = new HashSet<>();
        alertsA.get("alerts").forEach(x -> holders.add(x.get("servedBy").asText()));
        return String.format("%d dyads asked of both, %d passed on, %d open alerts from %d instances", dyads.size(), forwarded,
                alertsA.get("alerts").size(), holders.size());
    }

    private JsonNode get(String authority, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + authority + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " on " + authority + ": " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static Map<TopicPartition, Long> committed(KafkaCluster kafka, IsolatedTopics topics) throws Exception {
        Map<TopicPartition, Long> out = new TreeMap<>((x, y) -> Integer.compare(x.partition(), y.partition()));
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : kafka.admin().listConsumerGroupOffsets(topics.applicationId())
                .partitionsToOffsetAndMetadata().get().entrySet()) {
            if (e.getKey().topic().equals(topics.incidents()) && e.getValue() != null) {
                out.put(e.getKey(), e.getValue().offset());
            }
        }
        return out;
    }
}
