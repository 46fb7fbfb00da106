package io.github.escmon.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.EscmonRun;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.Json;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, test 1: {@code kill -9} the real {@code escmon run} (the jar, a child JVM) at random moments while it
 * works through a GDELT-shaped workload, restart it each time, and compare what it committed with an uninterrupted
 * run of the same records ({@code escmon backtest} of the same file on the same broker): per dyad, the same score
 * and alert records in the same order, none lost, none doubled. {@code -Descmon.crash.events} and
 * {@code -Descmon.crash.kills} make it longer (a soak); the defaults keep it within CI's budget.
 * {@code -Descmon.crash.guarantee=at_least_once} makes it fail, on doubled records.
 */
@WithKafka
@Timeout(900)
class CrashIT {

    private static final Path JAR = Path.of("target", "escmon.jar");
    private static final int EVENTS = Integer.getInteger("escmon.crash.events", 200_000);
    private static final int KILLS = Integer.getInteger("escmon.crash.kills", 3);
    private static final long SEED = Long.getLong("escmon.crash.seed", System.nanoTime());
    /** at_least_once shows that this test catches what exactly-once prevents: it then fails on doubled records. */
    private static final String GUARANTEE = System.getProperty("escmon.crash.guarantee", "exactly_once_v2");

    @Test
    void killNineAtRandomMomentsLosesAndDoublesNothing(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path workload = dir.resolve("workload.jsonl");
        EscmonRun wrote = EscmonRun.of("bench", "--events", Integer.toString(EVENTS), "--workload-out", workload.toString());
        assertEquals(0, wrote.code(), wrote.out());

        // the uninterrupted run
        Path refScores = dir.resolve("ref-scores.jsonl");
        Path refAlerts = dir.resolve("ref-alerts.jsonl");
        EscmonRun reference = EscmonRun.of("backtest", workload.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                "--scores-out", refScores.toString(), "--alerts-out", refAlerts.toString());
        assertEquals(0, reference.code(), reference.out());

        // the same records, through a monitor that is killed and restarted
        String suffix = KafkaCluster.uniqueName("crash");
        String applicationId = "escmon-" + suffix;
        String incidents = "incidents." + suffix;
        String scores = "scores." + suffix;
        String alerts = "alerts." + suffix;
        List<String> settings = List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "--set", "topics.incidents=" + incidents, "--set", "topics.dead-letter=dlq." + suffix,
                "--set", "topics.scores=" + scores, "--set", "topics.alerts=" + alerts);
        List<String> produce = new ArrayList<>(List.of("produce", workload.toString()));
        produce.addAll(settings);
        EscmonRun produced = EscmonRun.of(produce.toArray(String[]::new));
        assertEquals(2, produced.code(), "2: the workload's ~0.5 % invalid rows are reported, the rest published\n" + produced.out());

        List<String> run = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", JAR.toString(), "run", "--http-port", "0"));
        run.addAll(settings);
        run.addAll(List.of("--set", "application.id=" + applicationId, "--set", "state.dir=" + dir.resolve("state"),
                // a killed member's partitions move after its session times out: keep that short
                "--set", "kafka.session.timeout.ms=6000", "--set", "processing.guarantee=" + GUARANTEE));
        Random random = new Random(SEED);
        var admin = kafka.admin();
        var ends = Drain.endOffsets(admin, incidents);
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        List<String> kills = new ArrayList<>();
        Process monitor = start(run, dir, 0);
        try {
            // kill points spread over the whole run: at random fractions of the input, plus a random delay so that
            // a kill lands anywhere in a transaction, not just after a commit
            double[] at = random.doubles(KILLS, 0.05, 0.9).sorted().toArray();
            for (int k = 1; k <= KILLS; k++) {
                long target = (long) (at[k - 1] * total);
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (total - Math.max(0, Drain.behind(admin, applicationId, ends)) < target) {
                    assertTrue(monitor.isAlive(), "escmon run died by itself: " + log(dir));
                    assertTrue(System.nanoTime() < deadline, "no progress to " + target + " in 3 minutes: " + log(dir));
                    Thread.sleep(100);
                }
                Thread.sleep(random.nextInt(1_000));
                long committed = total - Math.max(0, Drain.behind(admin, applicationId, ends));
                monitor.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no leaving the group
                assertTrue(monitor.waitFor(30, TimeUnit.SECONDS));
                kills.add(String.format("kill %d at %,d of %,d committed", k, committed, total));
                monitor = start(run, dir, k);
            }
            Process last = monitor;
            Drain.awaitCommitted(admin, applicationId, ends, List.of(scores, alerts), Duration.ofMinutes(8), () -> {
                if (!last.isAlive()) {
                    throw new IllegalStateException("escmon run exited with " + last.exitValue() + ": " + log(dir));
                }
            });
        } finally {
            monitor.destroy();
            monitor.waitFor(60, TimeUnit.SECONDS);
        }

        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        Map<String, List<String>> expectedScores = byDyad(refScores);
        Map<String, List<String>> actualScores = byDyad(client, scores);
        Map<String, List<String>> expectedAlerts = byDyad(refAlerts);
        Map<String, List<String>> actualAlerts = byDyad(client, alerts);
        System.out.printf("CrashIT (seed %d, %s): %s; committed %,d score records and %,d alerts, expected %,d and %,d%n",
                SEED, GUARANTEE, String.join("; ", kills), count(actualScores), count(actualAlerts),
                count(expectedScores), count(expectedAlerts));
        assertTrue(count(expectedAlerts) > 100, "the workload raises alerts: " + count(expectedAlerts));
        assertEquals(count(expectedScores), count(actualScores), "score records: none lost, none doubled");
        assertEquals(count(expectedAlerts), count(actualAlerts), "alerts: none lost, none doubled");
        assertEquals(expectedAlerts, actualAlerts, "every dyad's alerts, in order");
        assertEquals(expectedScores, actualScores, "every dyad's score records, in order");
    }

    private static Process start(List<String> command, Path dir, int n) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run-" + n + ".log").toFile()).start();
    }

    private static String log(Path dir) {
        try (var files = Files.list(dir)) {
            Path last = files.filter(p -> p.getFileName().toString().startsWith("run-")).sorted().reduce((a, b) -> b).orElseThrow();
            String text = Files.readString(last);
            return text.substring(Math.max(0, text.length() - 4_000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long count(Map<String, List<String>> byDyad) {
        return byDyad.values().stream().mapToLong(List::size).sum();
    }

    /** A file's records grouped by dyad, in file order, each in a canonical JSON form. */
    private static Map<String, List<String>> byDyad(Path file) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    add(out, line);
                }
            }
        }
        return out;
    }

    /** A topic's committed records grouped by dyad, in offset order. */
    private static Map<String, List<String>> byDyad(Properties client, String topic) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (var reader = new TopicReader<>(client, topic, new StringDeserializer())) {
            for (var r : reader.readToEnd(Duration.ofMinutes(2))) {
                add(out, r.value());
            }
        }
        return out;
    }

    private static void add(Map<String, List<String>> out, String json) throws IOException {
        JsonNode node = Json.MAPPER.readTree(json);
        out.computeIfAbsent(node.get("dyad").asText(), d -> new ArrayList<>()).add(node.toString());
    }

    private static String javaBin() {
        return Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString();
    }
}
