package io.github.escmon.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.EscmonRun;
import io.github.escmon.testkit.KafkaAwait;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The user steps of README and issue #2 as a user runs them: the real jar, real processes, a real broker. */
@WithKafka
@Timeout(240)
class CommandsIT {

    private static final Path JAR = Path.of("target", "escmon.jar");

    private static EscmonRun escmon(String... args) {
        return EscmonRun.of(args);
    }

    private static Path seed(Path dir) throws Exception {
        Path file = dir.resolve("seed.jsonl");
        Files.write(file, Golden.lines(Golden.SEED));
        return file;
    }

    @Test
    void backtestWritesTheReferenceRecordsAndTheSameBytesWhateverThePartitioning(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path seed = seed(dir);
        EscmonRun one = escmon("backtest", seed.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "1",
                "--scores-out", dir.resolve("s1.jsonl").toString(), "--alerts-out", dir.resolve("a1.jsonl").toString());
        EscmonRun six = escmon("backtest", seed.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "6",
                "--scores-out", dir.resolve("s6.jsonl").toString(), "--alerts-out", dir.resolve("a6.jsonl").toString());
        assertEquals(0, one.code(), one.out());
        assertEquals(0, six.code(), six.out());
        GoldenRecords.assertScoresMatch(Golden.records("/golden/iran-pakistan-2024.scores.jsonl"), read(dir.resolve("s6.jsonl")));
        GoldenRecords.assertAlertsMatch(Golden.records("/golden/iran-pakistan-2024.alerts.jsonl"), read(dir.resolve("a6.jsonl")));
        assertEquals(Files.readString(dir.resolve("s1.jsonl")), Files.readString(dir.resolve("s6.jsonl")));
        assertEquals(Files.readString(dir.resolve("a1.jsonl")), Files.readString(dir.resolve("a6.jsonl")));
        assertTrue(six.out().contains("read 13: accepted 13, unpaired 0, invalid 0, duplicate 0, domestic 0, late 0; 685 score records, 9 alerts"), six.out());
        // without a score file the score records are only counted: the same tally, the same alerts
        EscmonRun counted = escmon("backtest", seed.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "3",
                "--alerts-out", dir.resolve("a3.jsonl").toString());
        assertEquals(0, counted.code(), counted.out());
        assertTrue(counted.out().contains("read 13: accepted 13, unpaired 0, invalid 0, duplicate 0, domestic 0, late 0; "
                + Golden.records("/golden/iran-pakistan-2024.scores.jsonl").size() + " score records, 9 alerts"), counted.out());
        assertEquals(Files.readString(dir.resolve("a1.jsonl")), Files.readString(dir.resolve("a3.jsonl")));
        List<String> runTopics = kafka.admin().listTopics().names().get().stream().filter(t -> t.contains("backtest-")).toList();
        assertEquals(List.of(), runTopics, "a backtest on a shared cluster deletes its topics");
    }

    @Test
    void backtestOfAFileWithBadLinesReportsThemByNumber(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Golden.lines(Golden.SEED));
        lines.add(4, "{\"id\":\"x\",\"occurredAt\":\"2024-01-16T00:00:00Z\",\"source\":\"IRN\",\"target\":\"pak\",\"cameo\":\"195\"}");
        Path file = dir.resolve("bad.jsonl");
        Files.write(file, lines);
        Path errors = dir.resolve("errors.jsonl");
        EscmonRun r = escmon("backtest", file.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--errors", errors.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("line 5: target: actor code must match [A-Z0-9_]{2,32}, got \"pak\""), r.out());
        assertTrue(r.out().contains("read 14: accepted 13, unpaired 0, invalid 1,"), r.out());
        JsonNode error = Golden.parse(Files.readAllLines(errors).get(0));
        assertEquals(5, error.get("line").asInt());
        assertEquals("target", error.get("field").asText());
    }

    @Test
    void runProduceAndAlertsWorkAgainstAnyClusterAndRunStopsCleanlyOnSigterm(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String suffix = KafkaCluster.uniqueName("cli");
        List<String> settings = List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "--set", "topics.incidents=incidents." + suffix, "--set", "topics.dead-letter=dlq." + suffix,
                "--set", "topics.scores=scores." + suffix, "--set", "topics.alerts=alerts." + suffix,
                "--set", "application.id=escmon-" + suffix, "--set", "state.dir=" + dir.resolve("state"));
        List<String> run = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString(), "run"));
        run.addAll(settings);
        Process monitor = new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        try {
            List<String> produce = new ArrayList<>(List.of("produce", seed(dir).toString()));
            produce.addAll(settings.subList(0, 10));
            EscmonRun produced = escmon(produce.toArray(String[]::new));
            assertEquals(0, produced.code(), produced.out());
            assertTrue(produced.out().startsWith("read 13: published 13"), produced.out());

            KafkaAwait.until("the monitor wrote the nine alerts", Duration.ofSeconds(90), () -> alertLines(settings).size() == 9);
            List<String> critical = new ArrayList<>(List.of("alerts", "--level", "critical"));
            critical.addAll(settings.subList(0, 10));
            EscmonRun onlyCritical = escmon(critical.toArray(String[]::new));
            assertEquals(1, onlyCritical.out().lines().count(), onlyCritical.out());
            assertTrue(onlyCritical.out().contains("IRN-PAK   FIRING   CRITICAL"), onlyCritical.out());
        } finally {
            monitor.destroy(); // SIGTERM, as Ctrl-C or a service manager would
            assertTrue(monitor.waitFor(60, TimeUnit.SECONDS), "escmon run stops within a minute of SIGTERM");
        }
        String log = Files.readString(dir.resolve("run.log"));
        assertTrue(log.contains("Monitor starting on " + kafka.bootstrapServers()) && log.contains("Monitor running"), log);
        assertTrue(log.contains("Stopping"), "stopped through its shutdown path:\n" + log);
    }

    private static List<String> alertLines(List<String> settings) {
        List<String> args = new ArrayList<>(List.of("alerts"));
        args.addAll(settings.subList(0, 10));
        return escmon(args.toArray(String[]::new)).out().lines().filter(l -> l.contains("FIRING") || l.contains("RESOLVED")).toList();
    }

    private static List<JsonNode> read(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Golden::parse).toList();
    }

    private static String javaBin() {
        return Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString();
    }
}
