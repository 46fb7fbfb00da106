package io.github.escmon.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.github.escmon.app.Escmon;
import io.github.escmon.events.Json;
import io.github.escmon.testkit.KafkaAwait;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code escmon produce --gdelt-follow} as a user runs it, in-process: GDELT stood in for by an HTTP server on
 * 127.0.0.1 serving 15-minute export zips, the real embedded broker, the command stopped by an interrupt.
 */
@WithKafka
@Timeout(60)
class FollowIT {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final Instant T0 = Instant.parse("2024-01-18T01:00:00Z");
    private static final Duration LAG = Duration.ofMinutes(15);

    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private HttpServer gdelt;

    @BeforeEach
    void startGdelt() throws IOException {
        gdelt = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gdelt.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = served.get(path.substring(path.lastIndexOf('/') + 1));
                exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
                if (body != null) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        gdelt.start();
    }

    @AfterEach
    void stopGdelt() {
        gdelt.stop(0);
    }

    @Test
    void followPublishesEachNewFileAndTheGapBeforeItWithHeartbeatsUntilInterrupted(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        String suffix = KafkaCluster.uniqueName("follow");
        String topic = "incidents." + suffix;
        gdeltPublishes(0);
        var out = new ByteArrayOutputStream();
        var exitCode = new AtomicInteger(-1);
        Instant started = Instant.now();
        PrintStream original = System.out;
        Thread command;
        try (PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(captured);
            command = new Thread(() -> exitCode.set(Escmon.commandLine().execute("produce", "--gdelt-follow",
                    "--url", "http://127.0.0.1:" + gdelt.getAddress().getPort() + "/gdeltv2/lastupdate.txt",
                    "--poll", "1s", "--state-dir", dir.resolve("follow").toString(),
                    "--bootstrap-servers", kafka.bootstrapServers(),
                    "--set", "topics.incidents=" + topic, "--set", "topics.dead-letter=dlq." + suffix,
                    "--set", "topics.scores=scores." + suffix, "--set", "topics.alerts=alerts." + suffix)), "escmon-produce");
            command.start();
            try {
                Thread running = command;
                List<ConsumerRecord<String, String>> first = consumeUntil(kafka, topic, running, out,
                        records -> incidentIds(records).containsAll(ids(0)));
                assertEquals(ids(0), incidentIds(first), "the first file's paired rows, once");
                assertEquals("IRN-PAK", first.stream().filter(r -> r.key() != null).findFirst().orElseThrow().key());

                // two polls later: file 1 was missed, lastupdate.txt names only file 2
                served.put(name(1), export(1));
                gdeltPublishes(2);
                List<ConsumerRecord<String, String>> all = consumeUntil(kafka, topic, running, out,
                        records -> incidentIds(records).containsAll(ids(2)) && wallClockHeartbeatPartitions(records, started).size() == 6);
                assertEquals(ids(0, 1, 2), incidentIds(all), "the gap filled in order, nothing twice");
                assertEquals(Set.of(0, 1, 2, 3, 4, 5), wallClockHeartbeatPartitions(all, started),
                        "heartbeats at the wall clock minus the lag on every partition");
            } finally {
                command.interrupt();
                command.join(30_000);
                System.setOut(original);
            }
        }
        assertFalse(command.isAlive(), "the command stops when interrupted");
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exitCode.get(), output);
        List<String> lines = output.lines().toList();
        assertEquals(List.of(
                name(0) + ": rows 3, published 2, unpaired 1, invalid 0 | total 1 files: rows 3, published 2, unpaired 1, invalid 0",
                name(1) + ": rows 3, published 2, unpaired 1, invalid 0 | total 2 files: rows 6, published 4, unpaired 2, invalid 0",
                name(2) + ": rows 3, published 2, unpaired 1, invalid 0 | total 3 files: rows 9, published 6, unpaired 3, invalid 0"),
                lines.subList(0, 3), output);
        assertTrue(lines.get(3).startsWith("stopped: 3 files: rows 9, published 6"), output);
        assertTrue(Files.readString(dir.resolve("follow").resolve("follow.properties")).contains("last-finished=" + name(2)));
    }

    @Test
    void produceTakesEitherAFileOrGdeltFollowAndSaysSo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.jsonl"), "");
        assertUsageError("give either a FILE to publish or --gdelt-follow, one of them", "produce");
        assertUsageError("give either a FILE to publish or --gdelt-follow, not both", "produce", file.toString(), "--gdelt-follow");
        assertUsageError("--poll needs --gdelt-follow", "produce", file.toString(), "--poll", "1m");
        assertUsageError("--errors applies to a FILE", "produce", "--gdelt-follow", "--errors", "e.jsonl");
    }

    private static void assertUsageError(String message, String... args) {
        var err = new StringWriter();
        var cmd = Escmon.commandLine();
        cmd.setErr(new PrintWriter(err, true));
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        int code = cmd.execute(args);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
    }

    /** Reads the topic until {@code done} holds; fails at once if the command ends meanwhile. */
    private static List<ConsumerRecord<String, String>> consumeUntil(KafkaCluster kafka, String topic, Thread command,
            ByteArrayOutputStream out, Predicate<List<ConsumerRecord<String, String>>> done) {
        return KafkaAwait.consumeUntil(kafka.bootstrapServers(), topic, new StringDeserializer(), new StringDeserializer(),
                records -> {
                    if (!command.isAlive()) {
                        fail("the command ended early:\n" + out.toString(StandardCharsets.UTF_8));
                    }
                    return done.test(records);
                }, Duration.ofSeconds(30));
    }

    /** Incident ids in event-time order (then id), as the consumer read them. */
    private static List<String> incidentIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(r -> r.key() != null).map(r -> json(r.value()))
                .sorted((a, b) -> (a.get("occurredAt").asText() + a.get("id").asText())
                        .compareTo(b.get("occurredAt").asText() + b.get("id").asText()))
                .map(n -> n.get("id").asText()).toList();
    }

    /** Partitions holding a heartbeat from the follower's minute timer: wall clock minus the lag, not a tick. */
    private static Set<Integer> wallClockHeartbeatPartitions(List<ConsumerRecord<String, String>> records, Instant started) {
        Instant earliest = started.minus(LAG).minusSeconds(60);
        return records.stream().filter(r -> r.key() == null)
                .filter(r -> !Instant.parse(json(r.value()).get("heartbeat").asText()).isBefore(earliest))
                .map(ConsumerRecord::partition).collect(Collectors.toSet());
    }

    private static JsonNode json(String value) {
        try {
            return Json.MAPPER.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(int... files) {
        return Arrays.stream(files).boxed().flatMap(n -> ids(n).stream()).toList();
    }

    // --- GDELT 2.0 export files: 61 tab-separated columns, DATEADDED the file's time ---

    private static Instant slot(int n) {
        return T0.plus(Duration.ofMinutes(15L * n));
    }

    private static String name(int n) {
        return STAMP.format(LocalDateTime.ofInstant(slot(n), ZoneOffset.UTC)) + ".export.CSV.zip";
    }

    private static List<String> ids(int n) {
        return List.of("gdelt-" + (1_205_571_000L + 10L * n), "gdelt-" + (1_205_571_001L + 10L * n));
    }

    private void gdeltPublishes(int n) throws Exception {
        byte[] zip = export(n);
        served.put(name(n), zip);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(zip));
        String base = "http://127.0.0.1:" + gdelt.getAddress().getPort() + "/gdeltv2/" + name(n).substring(0, 14);
        served.put("lastupdate.txt", (zip.length + " " + md5 + " " + base + ".export.CSV.zip\n"
                + "2119 5d1fa7ea0d7cd1e0f3e2b0b8c0a0b1c2 " + base + ".mentions.CSV.zip\n"
                + "40213 8e0f7c21b5a4a0cd1c7f4b87a3f0d6e1 " + base + ".gkg.csv.zip\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Iran strikes Pakistan, Pakistan protests, and a row naming no pair of actors. */
    private static byte[] export(int n) {
        long id = 1_205_571_000L + 10L * n;
        Instant t = slot(n);
        String rows = row(id, t, "IRNMIL", "IRAN", "IRN", "PAKMIL", "PAKISTAN", "PAK", "190", "19", "4", "-10.0") + "\n"
                + row(id + 1, t, "PAKGOV", "PAKISTAN", "PAK", "IRN", "IRAN", "IRN", "111", "11", "3", "-2.0") + "\n"
                + row(id + 2, t, "COP", "POLICE", "", "", "", "", "173", "17", "4", "-5.0") + "\n";
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(name(n).replace(".zip", ""));
            entry.setTime(t.toEpochMilli()); // the same bytes however often it is built
            zip.putNextEntry(entry);
            zip.write(rows.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String row(long id, Instant t, String a1, String a1Name, String a1Country, String a2, String a2Name,
                              String a2Country, String code, String root, String quad, String goldstein) {
        String[] c = new String[61];
        Arrays.fill(c, "");
        String stamp = STAMP.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
        c[0] = Long.toString(id);
        c[1] = stamp.substring(0, 8);
        c[2] = stamp.substring(0, 6);
        c[3] = stamp.substring(0, 4);
        c[4] = "2024.0493";
        c[5] = a1;
        c[6] = a1Name;
        c[7] = a1Country;
        c[15] = a2;
        c[16] = a2Name;
        c[17] = a2Country;
        c[25] = "1";
        c[26] = code;
        c[27] = code;
        c[28] = root;
        c[29] = quad;
        c[30] = goldstein;
        c[31] = "6";
        c[32] = "3";
        c[33] = "6";
        c[34] = "-3.2";
        c[59] = stamp;
        c[60] = "https://news.example.org/" + id;
        return String.join("\t", c);
    }
}
