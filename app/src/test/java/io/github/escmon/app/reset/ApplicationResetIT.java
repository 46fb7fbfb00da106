package io.github.escmon.app.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.Escmon;
import io.github.escmon.app.cli.ResetCommand;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.testkit.KafkaAwait;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code escmon reset} against a real broker: the seed story produced with {@code escmon produce}, the monitor run
 * to completion (committed offsets, changelogs, local state), then reset as a user runs it.
 */
@WithKafka
@Timeout(180)
class ApplicationResetIT {

    private static final Duration WAIT = Duration.ofMinutes(1);
    private static final int PARTITIONS = 3;
    /** Inside the seed story (2023-12-15 to 2024-01-26): some records before, some after. */
    private static final Instant T = Instant.parse("2024-01-16T00:00:00Z");

    /** One application with its own topics, run to completion once. */
    private record App(String id, TopicNames topics, Path stateDir, List<String> settings, EscmonConfig config) {

        LocalState localState() {
            return LocalState.of(stateDir, id);
        }

        /** {@code escmon reset} with this application's settings. */
        Result reset(String... args) {
            List<String> all = new ArrayList<>(List.of("reset"));
            all.addAll(List.of(args));
            all.addAll(settings);
            all.addAll(List.of("--state-dir", stateDir.toString()));
            return escmon(all.toArray(String[]::new));
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result escmon(String... args) {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        var err = new StringWriter();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = Escmon.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        } finally {
            System.setOut(original);
        }
        return new Result(code, captured.toString(StandardCharsets.UTF_8), err.toString());
    }

    /**
     * The seed story in its topic (escmon produce), the monitor's topics (as escmon run makes them), then the monitor
     * until it has committed every input.
     */
    private static App app(KafkaCluster kafka, Path dir) throws Exception {
        String run = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames t = TopicNames.defaults().withSuffix(run);
        Path stateDir = dir.resolve("state");
        Map<String, String> values = new TreeMap<>(Map.of("application.id", "escmon-" + run,
                "topics.incidents", t.incidents(), "topics.dead-letter", t.deadLetter(), "topics.scores", t.scores(),
                "topics.alerts", t.alerts(), "topics.partitions", Integer.toString(PARTITIONS)));
        List<String> settings = new ArrayList<>(List.of("--bootstrap-servers", kafka.bootstrapServers()));
        values.forEach((k, v) -> settings.addAll(List.of("--set", k + "=" + v)));
        Path seed = dir.resolve("seed.jsonl");
        Files.write(seed, Golden.lines(Golden.SEED));
        List<String> produce = new ArrayList<>(List.of("produce", seed.toString()));
        produce.addAll(settings);
        Result produced = escmon(produce.toArray(String[]::new));
        assertEquals(0, produced.code(), produced.out() + produced.err());
        TopicSetup.ensure(kafka.admin(), t, PARTITIONS, (short) -1);

        Map<String, String> all = new HashMap<>(values);
        all.put("bootstrap.servers", kafka.bootstrapServers());
        all.put("state.dir", stateDir.toString());
        App app = new App("escmon-" + run, t, stateDir, settings, EscmonConfig.load(null, Map.of(), all));
        try (Monitor monitor = runToCompletion(kafka, app)) {
            assertEquals(13, monitor.outcomes().get(Outcome.ACCEPTED));
        }
        return app;
    }

    /** Starts the monitor and returns it, running, once it has committed the whole input topic. */
    private static Monitor runToCompletion(KafkaCluster kafka, App app) throws Exception {
        Monitor monitor = new Monitor(app.config()).start(WAIT);
        try {
            Drain.awaitCommitted(kafka.admin(), app.id(), Drain.endOffsets(kafka.admin(), app.topics().incidents()),
                    List.of(app.topics().scores(), app.topics().alerts(), app.topics().deadLetter()), WAIT, monitor::checkHealthy);
            return monitor;
        } catch (Exception | Error e) {
            monitor.close();
            throw e;
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> offsets = new TreeMap<>((a, b) -> a.partition() - b.partition());
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()) {
            offsets.put(e.getKey(), e.getValue().offset());
        }
        return offsets;
    }

    /** What the reset must commit: per partition the first offset at or after {@code time}, else the end. */
    private static Map<TopicPartition, Long> expected(Admin admin, String topic, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (int p = 0; p < PARTITIONS; p++) {
            request.put(new TopicPartition(topic, p), spec);
            ends.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        var found = admin.listOffsets(request).all().get();
        var end = admin.listOffsets(ends).all().get();
        Map<TopicPartition, Long> offsets = new TreeMap<>((a, b) -> a.partition() - b.partition());
        found.forEach((tp, info) -> offsets.put(tp, info.offset() >= 0 ? info.offset() : end.get(tp).offset()));
        return offsets;
    }

    private static Set<String> internalTopics(Admin admin, String appId) throws Exception {
        return admin.listTopics().names().get().stream().filter(n -> n.startsWith(appId + "-")).collect(Collectors.toSet());
    }

    private static void assertPlanLists(Result result, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> target) {
        for (var e : target.entrySet()) {
            Long before = committed.get(e.getKey());
            String line = "  partition " + e.getKey().partition() + ": " + (before == null ? "none" : before) + " -> " + e.getValue();
            assertTrue(result.out().contains(line), "expected '" + line + "' in:\n" + result.out());
        }
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        App app = app(kafka, dir);
        Admin admin = kafka.admin();
        Map<TopicPartition, Long> before = committed(admin, app.id());
        Set<String> internal = internalTopics(admin, app.id());
        assertFalse(internal.isEmpty(), "the monitor's changelogs exist");
        assertTrue(app.localState().exists(), "the monitor's local state exists");

        Result dry = app.reset("--to-datetime", T.toString(), "--dry-run");

        assertEquals(0, dry.code(), dry.out() + dry.err());
        assertTrue(dry.out().startsWith("Dry run of the reset of application '" + app.id() + "'"), dry.out());
        assertPlanLists(dry, before, expected(admin, app.topics().incidents(), OffsetSpec.forTimestamp(T.toEpochMilli())));
        for (String topic : internal) {
            assertTrue(dry.out().contains(topic), topic + " in the plan:\n" + dry.out());
        }
        assertTrue(dry.out().contains("Local state to delete: " + app.localState()), dry.out());
        assertTrue(dry.out().contains("Dry run: nothing changed."), dry.out());
        assertEquals(before, committed(admin, app.id()), "committed offsets unchanged");
        assertEquals(internal, internalTopics(admin, app.id()), "internal topics unchanged");
        assertTrue(app.localState().exists(), "local state kept");

        // after the last record: every partition would move to its end
        Result late = app.reset("--to-datetime", "2030-01-01", "--dry-run");
        assertEquals(0, late.code(), late.out() + late.err());
        assertPlanLists(late, before, expected(admin, app.topics().incidents(), OffsetSpec.latest()));
        assertTrue(late.out().contains("(the end: no record at or after the time)"), late.out());
        assertEquals(before, committed(admin, app.id()), "committed offsets unchanged");
    }

    @Test
    void resetMovesTheOffsetsDeletesInternalTopicsAndLocalStateAndSparesOtherApplications(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        App app = app(kafka, dir);
        Admin admin = kafka.admin();
        Map<TopicPartition, Long> before = committed(admin, app.id());
        Set<String> internal = internalTopics(admin, app.id());
        // a neighbour whose application id extends this one (as escmon-replay-… extends escmon): its topics stay
        String neighbour = app.id() + "-replay-r1";
        String neighbourChangelog = neighbour + "-dyad-windows-changelog";
        kafka.createTopic(neighbourChangelog, 1, Map.of());
        admin.alterConsumerGroupOffsets(neighbour, Map.of(new TopicPartition(app.topics().incidents(), 0), new OffsetAndMetadata(0))).all().get();

        Result reset = app.reset("--to-datetime", T.toString());

        assertEquals(0, reset.code(), reset.out() + reset.err());
        Map<TopicPartition, Long> target = expected(admin, app.topics().incidents(), OffsetSpec.forTimestamp(T.toEpochMilli()));
        assertPlanLists(reset, before, target);
        assertEquals(target, committed(admin, app.id()), "committed offsets at the first record at or after " + T);
        assertTrue(target.values().stream().anyMatch(o -> o > 0) && !target.equals(before), "the offsets really moved: " + before + " -> " + target);
        for (String topic : internal) {
            assertTrue(reset.out().contains(topic), topic + " in the report:\n" + reset.out());
        }
        KafkaAwait.until("the internal topics deleted", WAIT, () -> internalTopics(admin, app.id()).equals(Set.of(neighbourChangelog)));
        assertTrue(reset.out().contains("Internal topics kept, of other applications whose id starts with '" + app.id()
                + "-': " + neighbourChangelog + " (" + neighbour + ")"), reset.out());
        assertFalse(app.localState().exists(), "local state deleted");
        assertTrue(reset.out().contains("Local state deleted: " + app.localState()), reset.out());
        assertTrue(reset.out().contains("Done."), reset.out());

        // again, to the beginning: nothing of the application's own left to delete, the neighbour's still kept
        Result again = app.reset("--to-earliest");
        assertEquals(0, again.code(), again.out() + again.err());
        Map<TopicPartition, Long> beginning = expected(admin, app.topics().incidents(), OffsetSpec.earliest());
        assertPlanLists(again, target, beginning);
        assertEquals(beginning, committed(admin, app.id()));
        assertTrue(again.out().contains("Internal topics deleted: none"), again.out());
        assertTrue(internalTopics(admin, app.id()).contains(neighbourChangelog), "the neighbour's topic kept");

        // the application reprocesses everything afresh: every incident accepted again, none a duplicate
        try (Monitor monitor = runToCompletion(kafka, app)) {
            assertEquals(13, monitor.outcomes().get(Outcome.ACCEPTED));
            assertEquals(0, monitor.outcomes().get(Outcome.DUPLICATE));
        }
    }

    @Test
    void refusesWhileTheApplicationRunsAndChangesNothing(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        App app = app(kafka, dir);
        Admin admin = kafka.admin();
        try (Monitor running = runToCompletion(kafka, app)) {
            Map<TopicPartition, Long> before = committed(admin, app.id());
            Set<String> internal = internalTopics(admin, app.id());

            Result refused = app.reset("--to-datetime", T.toString());
            Result dry = app.reset("--to-datetime", T.toString(), "--dry-run");

            for (Result r : List.of(refused, dry)) {
                assertEquals(ResetCommand.REFUSED, r.code(), r.out() + r.err());
                assertTrue(r.err().contains("application '" + app.id() + "' has 1 live member"), r.err());
                assertTrue(r.err().contains("stop the running 'escmon run' instances of this application first"), r.err());
                assertTrue(r.err().contains("Nothing was changed."), r.err());
                assertEquals("", r.out());
            }
            assertEquals(before, committed(admin, app.id()), "committed offsets unchanged");
            assertEquals(internal, internalTopics(admin, app.id()), "internal topics unchanged");
            assertTrue(app.localState().exists(), "local state kept");
            running.checkHealthy();
        }
    }

    @Test
    void aMissingInputTopicIsAnErrorThatNamesTheSetting(KafkaCluster kafka) {
        String missing = KafkaCluster.uniqueName("incidents-missing");
        Result r = escmon("reset", "--to-earliest", "--bootstrap-servers", kafka.bootstrapServers(),
                "--set", "application.id=" + KafkaCluster.uniqueName("escmon-reset"), "--set", "topics.incidents=" + missing);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("the input topic '" + missing + "' does not exist"), r.err());
        assertTrue(r.err().contains("topics.incidents"), r.err());
    }
}
