package io.github.escmon.app.reliability;

import static io.github.escmon.app.security.AclNeed.literal;
import static io.github.escmon.app.security.AclNeed.prefixed;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.ResourceType.GROUP;
import static org.apache.kafka.common.resource.ResourceType.TOPIC;
import static org.apache.kafka.common.resource.ResourceType.TRANSACTIONAL_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.EscmonJar;
import io.github.escmon.app.EscmonRun;
import io.github.escmon.app.security.AclNeed;
import io.github.escmon.broker.SaslSecurity;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #7, test 5: a secured cluster. The embedded broker with a SASL/SCRAM listener and ACLs; one user per command
 * with exactly the ACLs that the README's "Secured clusters" lists (written out here, not taken from escmon); the
 * real commands, with credentials from a properties file ({@code -c}) or from the environment (the jar in a child
 * JVM). The seed story then raises the reference's nine alerts; a wrong password or one missing ACL ends the command
 * with one line naming the login or the ACL, within a bound; no password or JAAS string shows in any output, log or
 * {@code /metrics}; a secret on the command line is refused.
 */
@Timeout(300)
class SecuredClusterIT {

    private static final String GOLDEN_ALERTS = "/golden/iran-pakistan-2024.alerts.jsonl";
    /** Everything escmon logs, and Kafka's own dumps of its client configs, so that a leak would show. */
    private static final List<String> VERBOSE = List.of("-Xmx512m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.log.io.github.escmon=debug",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.admin.AdminClientConfig=info",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.consumer.ConsumerConfig=info",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.clients.producer.ProducerConfig=info",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.StreamsConfig=info");
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(60);
    private static final Pattern HTTP = Pattern.compile("HTTP endpoints on http://([0-9.]+:\\d+)");

    @TempDir
    static Path dir;
    private static SecuredBroker broker;
    private static Path seed;

    @BeforeAll
    static void start() throws Exception {
        broker = new SecuredBroker();
        seed = Files.write(dir.resolve("seed.jsonl"), Golden.lines(Golden.SEED));
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /** What {@code escmon run} needs (README, Secured clusters), for these names; CREATE to create its outputs. */
    private static List<AclNeed> monitorAcls(String app, String incidents, String scores, String alerts, String deadLetter) {
        return List.of(
                literal(TOPIC, incidents, READ),
                literal(TOPIC, scores, WRITE, CREATE),
                literal(TOPIC, alerts, WRITE, CREATE),
                literal(TOPIC, deadLetter, WRITE, CREATE),
                prefixed(TOPIC, app + "-", CREATE, READ, WRITE),
                literal(GROUP, app, READ),
                prefixed(TRANSACTIONAL_ID, app + "-", WRITE));
    }

    @Test
    @Timeout(180)
    void theSeedStoryOnASecuredClusterRaisesTheReferenceAlerts() throws Exception {
        String monitorPassword = broker.user("escmon-monitor");
        broker.allow("escmon-monitor",
                monitorAcls("escmon", "incidents", "escalation-scores", "escalation-alerts", "incidents-dlq"), List.of());
        String producerPassword = broker.user("escmon-producer");
        broker.allow("escmon-producer", List.of(literal(TOPIC, "incidents", WRITE, CREATE)), List.of());
        String subscriberPassword = broker.user("escmon-subscriber");
        broker.allow("escmon-subscriber", List.of(literal(TOPIC, "escalation-alerts", READ)), List.of());
        Secrets secrets = new Secrets().add("escmon-monitor", monitorPassword).add("escmon-producer", producerPassword)
                .add("escmon-subscriber", subscriberPassword);
        Path producer = broker.propertiesFile(dir, "escmon-producer", producerPassword);
        Path subscriber = broker.propertiesFile(dir, "escmon-subscriber", subscriberPassword);

        EscmonRun produced = EscmonRun.of("produce", seed.toString(), "-c", producer.toString());
        assertEquals(0, produced.code(), produced.out() + produced.err());
        assertTrue(produced.out().startsWith("read 13: published 13"), produced.out());
        secrets.assertNotIn("escmon produce's output", produced.out() + produced.err());

        Path log = dir.resolve("run.log");
        long started = System.nanoTime();
        Process run = EscmonJar.start(VERBOSE, List.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--http-port", "0", "--state-dir", dir.resolve("state").toString()),
                SecuredBroker.environment("escmon-monitor", monitorPassword), log);
        List<JsonNode> alerts;
        String metrics;
        try {
            alerts = awaitAlerts(subscriber, 9, run, log, secrets);
            long alertsAfter = System.nanoTime() - started;
            GoldenRecords.assertAlertsMatch(Golden.records(GOLDEN_ALERTS), alerts);
            metrics = scrape(log);
            System.out.printf("SecuredClusterIT: the nine alerts of the seed story %.1f s after escmon run started "
                    + "(SCRAM-SHA-512, three users with their ACLs only)%n", alertsAfter / 1e9);
        } finally {
            run.destroy();
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "escmon run stops on SIGTERM");
        }
        assertTrue(metrics.contains("escmon_alerts_total") && metrics.contains("kafka_consumer_")
                && metrics.contains("kafka_producer_") && metrics.contains("kafka_admin_client_"),
                "a real scrape, with the Kafka clients' metrics:\n" + metrics.substring(0, Math.min(2_000, metrics.length())));
        secrets.assertNotIn("/metrics", metrics);
        String runLog = EscmonJar.log(log);
        assertTrue(runLog.contains("kafka.sasl.jaas.config=[hidden]"), "escmon logs its settings, the secret masked:\n" + tail(runLog));
        assertTrue(runLog.contains("sasl.jaas.config = [hidden]"), "Kafka's config dumps were logged too:\n" + tail(runLog));
        secrets.assertNotIn("escmon run's log", runLog);
    }

    @Test
    @Timeout(150)
    void aWrongPasswordEndsRunProduceAndAlertsAtOnceSayingSo() throws Exception {
        String password = broker.user("escmon-forgetful");
        String wrong = "not-" + password;
        Secrets secrets = new Secrets().add("escmon-forgetful", password).add("escmon-forgetful", wrong);
        Path file = broker.propertiesFile(dir, "escmon-forgetful", wrong);
        String refused = "refused the login of user 'escmon-forgetful' (SCRAM-SHA-512 over SASL_PLAINTEXT): "
                + "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512. "
                + "Check the user name and password in kafka.sasl.jaas.config";

        Path log = dir.resolve("run-wrong-password.log");
        long start = System.nanoTime();
        Process run = EscmonJar.start(VERBOSE, List.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--http-port", "0", "--state-dir", dir.resolve("state-wrong").toString()),
                SecuredBroker.environment("escmon-forgetful", wrong), log);
        String line = awaitFailure(run, log, "run");
        double runSeconds = (System.nanoTime() - start) / 1e9;
        assertTrue(line.contains(refused), line);
        secrets.assertNotIn("escmon run's log", EscmonJar.log(log));

        for (List<String> command : List.of(List.of("produce", seed.toString()), List.of("alerts"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("-c", file.toString()));
            long t = System.nanoTime();
            EscmonRun r = EscmonRun.of(args.toArray(String[]::new));
            double seconds = (System.nanoTime() - t) / 1e9;
            assertEquals(1, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("escmon " + command.get(0) + ": Kafka at " + broker.bootstrapServers() + " " + refused), r.err());
            assertTrue(seconds < FAILS_WITHIN.toSeconds(), command.get(0) + " took " + seconds + " s");
            secrets.assertNotIn("escmon " + command.get(0) + "'s output", r.out() + r.err());
            System.out.printf("SecuredClusterIT: wrong password, escmon %s exits 1 after %.1f s%n", command.get(0), seconds);
        }
        System.out.printf("SecuredClusterIT: wrong password, escmon run (a new JVM) exits 1 after %.1f s%n", runSeconds);
    }

    /** One ACL of escmon run withheld, and what escmon must then say it needs. */
    enum Withheld {
        WRITE_ON_ALERTS("needs WRITE on topic 'alerts-%s'"),
        READ_ON_GROUP("needs READ on group 'escmon-%s'"),
        WRITE_ON_TRANSACTIONAL_IDS("needs WRITE on transactional ids starting with 'escmon-%s-'"),
        CREATE_ON_INTERNAL_TOPICS("needs CREATE, READ, WRITE on topics starting with 'escmon-%s-'");

        final String says;

        Withheld(String says) {
            this.says = says;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        AclNeed acl() {
            return switch (this) {
                case WRITE_ON_ALERTS -> literal(TOPIC, "alerts-" + id(), WRITE);
                case READ_ON_GROUP -> literal(GROUP, "escmon-" + id(), READ);
                case WRITE_ON_TRANSACTIONAL_IDS -> prefixed(TRANSACTIONAL_ID, "escmon-" + id() + "-", WRITE);
                case CREATE_ON_INTERNAL_TOPICS -> prefixed(TOPIC, "escmon-" + id() + "-", CREATE);
            };
        }

        /**
         * An ACL the user has besides: without WRITE it could not even see the alerts topic, and escmon would stop at
         * setting up the topics; with DESCRIBE it gets as far as Kafka Streams writing an alert.
         */
        List<AclNeed> besides() {
            return this == WRITE_ON_ALERTS ? List.of(literal(TOPIC, "alerts-" + id(), DESCRIBE)) : List.of();
        }
    }

    @ParameterizedTest(name = "without {0}")
    @EnumSource(Withheld.class)
    @Timeout(120)
    void aMonitorMissingOneAclStopsNamingIt(Withheld withheld) throws Exception {
        String id = withheld.id();
        String user = "monitor-" + id;
        String password = broker.user(user);
        List<String> topics = List.of("--set", "topics.incidents=incidents-" + id, "--set", "topics.scores=scores-" + id,
                "--set", "topics.alerts=alerts-" + id, "--set", "topics.dead-letter=dlq-" + id,
                "--set", "application.id=escmon-" + id);
        List<AclNeed> grants = new ArrayList<>(monitorAcls("escmon-" + id, "incidents-" + id, "scores-" + id, "alerts-" + id, "dlq-" + id));
        grants.addAll(withheld.besides());
        broker.allow(user, grants, List.of(withheld.acl()));
        // the story in its input, so that the monitor gets as far as writing an alert
        List<String> produce = new ArrayList<>(List.of("produce", seed.toString(), "-c", broker.superUserFile(dir).toString()));
        produce.addAll(topics.subList(0, 2));
        assertEquals(0, EscmonRun.of(produce.toArray(String[]::new)).code());

        Path log = dir.resolve("run-" + id + ".log");
        List<String> args = new ArrayList<>(List.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--http-port", "0", "--state-dir", dir.resolve("state-" + id).toString()));
        args.addAll(topics);
        long start = System.nanoTime();
        Process run = EscmonJar.start(VERBOSE, args, SecuredBroker.environment(user, password), log);
        String line = awaitFailure(run, log, "run");
        assertTrue(line.contains(String.format(withheld.says, id)), line + "\n" + tail(EscmonJar.log(log)));
        assertTrue(line.contains("denied user '" + user + "' (SCRAM-SHA-512 over SASL_PLAINTEXT) access"), line);
        String output = EscmonJar.log(log);
        assertFalse(output.contains("record sent to dlq-" + id), "a refused write is not the record's fault:\n" + tail(output));
        new Secrets().add(user, password).assertNotIn("escmon run's log", output);
        System.out.printf("SecuredClusterIT: without %s, escmon run exits 1 after %.1f s: %s%n", withheld,
                (System.nanoTime() - start) / 1e9, line);
    }

    @Test
    @Timeout(60)
    void aProducerWithoutWriteIsRefusedNamingTheAcl() throws Exception {
        broker.createTopic("incidents-read-only", 2);
        String password = broker.user("producer-read-only");
        broker.allow("producer-read-only", List.of(literal(TOPIC, "incidents-read-only", READ)), List.of());
        Path file = broker.propertiesFile(dir, "producer-read-only", password);

        EscmonRun r = EscmonRun.of("produce", seed.toString(), "-c", file.toString(), "--set", "topics.incidents=incidents-read-only");
        assertEquals(1, r.code(), r.out() + r.err());
        // an idempotent producer is refused its producer id (cluster authorization) before any topic's ACL is asked
        assertTrue(r.err().contains("escmon produce: Kafka at " + broker.bootstrapServers()
                + " denied user 'producer-read-only' (SCRAM-SHA-512 over SASL_PLAINTEXT) access: Cluster authorization failed."
                + " escmon produce needs WRITE on topic 'incidents-read-only'; grant it with kafka-acls"), r.err());
        new Secrets().add("producer-read-only", password).assertNotIn("escmon produce's output", r.out() + r.err());
    }

    @Test
    @Timeout(120)
    void backtestOnTheSecuredClusterWritesTheReferenceRecordsAndCleansUp() throws Exception {
        String password = broker.user("escmon-backtester");
        broker.allow("escmon-backtester", List.of(
                prefixed(TOPIC, "incidents.backtest-", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "incidents-dlq.backtest-", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "escalation-scores.backtest-", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "escalation-alerts.backtest-", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "escmon-backtest-", CREATE, READ, WRITE, DELETE),
                prefixed(GROUP, "escmon-backtest-", READ, DELETE),
                prefixed(TRANSACTIONAL_ID, "escmon-backtest-", WRITE)), List.of());
        Path file = broker.propertiesFile(dir, "escmon-backtester", password);
        Path scores = dir.resolve("backtest-scores.jsonl");
        Path alerts = dir.resolve("backtest-alerts.jsonl");

        EscmonRun r = EscmonRun.of("backtest", seed.toString(), "-c", file.toString(),
                "--scores-out", scores.toString(), "--alerts-out", alerts.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        GoldenRecords.assertScoresMatch(Golden.records("/golden/iran-pakistan-2024.scores.jsonl"), read(scores));
        GoldenRecords.assertAlertsMatch(Golden.records(GOLDEN_ALERTS), read(alerts));
        assertFalse(r.err().contains("Could not delete"), "its topics and group were deleted:\n" + r.err());
        new Secrets().add("escmon-backtester", password).assertNotIn("escmon backtest's output", r.out() + r.err());
    }

    @Test
    @Timeout(120)
    void replayAndResetWorkOnTheSecuredClusterWithTheirAcls() throws Exception {
        List<String> history = List.of("--set", "topics.incidents=incidents-history");
        List<String> produce = new ArrayList<>(List.of("produce", seed.toString(), "-c", broker.superUserFile(dir).toString()));
        produce.addAll(history);
        assertEquals(0, EscmonRun.of(produce.toArray(String[]::new)).code());
        String replayer = broker.user("escmon-replayer");
        broker.allow("escmon-replayer", List.of(
                literal(TOPIC, "incidents-history", READ),
                prefixed(TOPIC, "escalation-scores.", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "escalation-alerts.", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "incidents-dlq.", CREATE, READ, WRITE, DELETE),
                prefixed(TOPIC, "escmon-replay-", CREATE, READ, WRITE, DELETE),
                prefixed(GROUP, "escmon-replay-", READ, DELETE),
                prefixed(TRANSACTIONAL_ID, "escmon-replay-", WRITE)), List.of());
        Path out = dir.resolve("replay-out");
        List<String> replay = new ArrayList<>(List.of("replay", "--from", "2023-12-01", "--name", "secured", "--quiet",
                "--out", out.toString(), "-c", broker.propertiesFile(dir, "escmon-replayer", replayer).toString()));
        replay.addAll(history);
        EscmonRun replayed = EscmonRun.of(replay.toArray(String[]::new));
        assertEquals(0, replayed.code(), replayed.out() + replayed.err());
        GoldenRecords.assertAlertsMatch(Golden.records(GOLDEN_ALERTS), read(out.resolve("alerts.jsonl")));
        assertFalse(replayed.err().contains("Could not delete"), "its topics and group were deleted:\n" + replayed.err());

        String resetter = broker.user("escmon-resetter");
        broker.allow("escmon-resetter", List.of(literal(TOPIC, "incidents-history", READ), literal(GROUP, "escmon-history", READ),
                prefixed(TOPIC, "escmon-history-", DELETE)), List.of());
        List<String> reset = new ArrayList<>(List.of("reset", "--to-earliest", "--state-dir", dir.resolve("state-history").toString(),
                "--set", "application.id=escmon-history", "-c", broker.propertiesFile(dir, "escmon-resetter", resetter).toString()));
        reset.addAll(history);
        EscmonRun resetRun = EscmonRun.of(reset.toArray(String[]::new));
        assertEquals(0, resetRun.code(), resetRun.out() + resetRun.err());
        new Secrets().add("escmon-replayer", replayer).add("escmon-resetter", resetter)
                .assertNotIn("escmon replay's and reset's output", replayed.out() + replayed.err() + resetRun.out() + resetRun.err());
    }

    @Test
    void aSecretOnTheCommandLineIsRefusedWithoutBeingRepeated() {
        String jaas = SaslSecurity.jaasConfig("someone", "pw-typed-on-the-command-line");
        EscmonRun jaasFlag = EscmonRun.of("alerts", "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "kafka.sasl.jaas.config=" + jaas);
        assertEquals(1, jaasFlag.code(), jaasFlag.err());
        assertTrue(jaasFlag.err().contains("escmon alerts: --set kafka.sasl.jaas.config: a secret is not accepted on the "
                + "command line, where any user of this machine can read it (ps); put it in the --config file "
                + "(kafka.sasl.jaas.config=...) or the environment (KAFKA_SASL_JAAS_CONFIG)"), jaasFlag.err());
        EscmonRun passwordFlag = EscmonRun.of("run", "--bootstrap-servers", broker.bootstrapServers(),
                "--set", "kafka.ssl.key.password=pw-typed-on-the-command-line");
        assertEquals(1, passwordFlag.code(), passwordFlag.err());
        assertTrue(passwordFlag.err().contains("--set kafka.ssl.key.password: a secret is not accepted"), passwordFlag.err());
        for (EscmonRun r : List.of(jaasFlag, passwordFlag)) {
            assertFalse((r.out() + r.err()).contains("pw-typed-on-the-command-line"), r.err());
        }
    }

    /** Polls {@code escmon alerts --json} as the subscriber until {@code count} alerts are there. */
    private static List<JsonNode> awaitAlerts(Path subscriber, int count, Process run, Path log, Secrets secrets)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            EscmonRun r = EscmonRun.of("alerts", "--json", "-c", subscriber.toString());
            secrets.assertNotIn("escmon alerts' output", r.out() + r.err());
            boolean notYet = r.code() == 1 && r.err().contains("topic 'escalation-alerts' does not exist");
            assertTrue(r.code() == 0 || notYet, r.out() + r.err());
            List<JsonNode> alerts = r.out().lines().filter(l -> l.startsWith("{")).map(Golden::parse).toList();
            if (alerts.size() >= count) {
                return alerts;
            }
            assertTrue(run.isAlive(), "escmon run exited with " + (run.isAlive() ? "" : run.exitValue()) + ":\n" + tail(EscmonJar.log(log)));
            if (System.nanoTime() > deadline) {
                fail(alerts.size() + " of " + count + " alerts after 120 s:\n" + tail(EscmonJar.log(log)));
            }
            Thread.sleep(500); // poll interval
        }
    }

    /** Waits for {@code escmon COMMAND} to exit, at most {@link #FAILS_WITHIN}; returns its error line. */
    private static String awaitFailure(Process process, Path log, String command) throws InterruptedException {
        if (!process.waitFor(FAILS_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("escmon " + command + " still running after " + FAILS_WITHIN + " (a hang):\n" + tail(EscmonJar.log(log)));
        }
        String output = EscmonJar.log(log);
        assertEquals(1, process.exitValue(), tail(output));
        List<String> lines = output.lines().filter(l -> l.startsWith("escmon " + command + ": ")).toList();
        assertEquals(1, lines.size(), "one error line:\n" + tail(output));
        return lines.get(0);
    }

    private static String scrape(Path log) throws Exception {
        Matcher m = HTTP.matcher(EscmonJar.log(log));
        assertTrue(m.find(), "escmon run logs its HTTP address:\n" + tail(EscmonJar.log(log)));
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + m.group(1) + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static List<JsonNode> read(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Golden::parse).toList();
    }

    private static String tail(String text) {
        return text.substring(Math.max(0, text.length() - 6_000));
    }

    /** Passwords and the JAAS strings that carry them; none may show anywhere. */
    private static final class Secrets {
        private final List<String> values = new ArrayList<>();

        Secrets add(String user, String password) {
            values.add(password);
            values.add(SaslSecurity.jaasConfig(user, password));
            values.add("password=\"" + password);
            return this;
        }

        void assertNotIn(String where, String text) {
            for (String secret : values) {
                assertFalse(text.contains(secret), where + " shows a secret");
            }
            assertFalse(text.contains("ScramLoginModule required"), where + " shows a JAAS config");
        }
    }
}
