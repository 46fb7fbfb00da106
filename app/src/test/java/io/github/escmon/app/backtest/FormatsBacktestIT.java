package io.github.escmon.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.Escmon;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.events.Json;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * `escmon backtest` on each input format, end to end on the real broker: the tally adds up to the rows read,
 * and the score and alert records equal what the reference implementation (refscore.py, when present) computes
 * for the same incidents. The incidents are the reader's, so this checks the pipeline on each format; the
 * readers' mappings are pinned by their own tests in the producer module.
 */
@WithKafka
@Timeout(300)
class FormatsBacktestIT {

    private static final Path FIXTURES = Path.of("..", "producer", "src", "test", "resources");
    private static final Pattern TALLY = Pattern.compile(
            "read (\\d+): accepted (\\d+), unpaired (\\d+), invalid (\\d+), duplicate (\\d+), domestic (\\d+), late (\\d+)");

    static Stream<Path> inputs() {
        List<Path> files = new ArrayList<>(List.of(
                FIXTURES.resolve("gdelt/20240117093000.export.CSV.zip"),
                FIXTURES.resolve("gdelt/20130815.export.CSV"),
                FIXTURES.resolve("gdelt/gdelt1-quoted-with-header.csv"),
                FIXTURES.resolve("acled/acled-sample.csv"),
                FIXTURES.resolve("acled/acled-reordered.csv")));
        Golden.shared("data/real/gdelt2/20180326044500.export.CSV.zip").ifPresent(files::add);
        Golden.shared("data/real/gdelt1-usa-chn-2018.csv").ifPresent(files::add);
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void backtestOfEachFormatAddsUpAndScoresAsTheReference(Path input, KafkaCluster kafka, @TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(input), "fixture " + input + " is there");
        Path scores = dir.resolve("s.jsonl");
        Path alerts = dir.resolve("a.jsonl");
        String out = escmon("backtest", input.toString(), "--bootstrap-servers", kafka.bootstrapServers(), "--partitions", "3",
                "--scores-out", scores.toString(), "--alerts-out", alerts.toString(), "--quiet");
        Matcher m = TALLY.matcher(out);
        assertTrue(m.find(), out);
        long read = Long.parseLong(m.group(1));
        long sum = 0;
        for (int g = 2; g <= 7; g++) {
            sum += Long.parseLong(m.group(g));
        }
        assertEquals(read, sum, "the tally adds up: " + m.group());
        assertTrue(Long.parseLong(m.group(2)) > 0, "some rows are accepted: " + m.group());

        Path reference = Golden.shared("tools/refscore.py").orElse(null);
        assumeTrue(reference != null && python3(), "refscore.py and python3 are present");
        Path incidents = dir.resolve("incidents.jsonl");
        writeIncidents(input, incidents);
        Path refScores = dir.resolve("ref-s.jsonl");
        Path refAlerts = dir.resolve("ref-a.jsonl");
        Process p = new ProcessBuilder("python3", reference.toString(), incidents.toString(), "--scores", refScores.toString(),
                "--alerts", refAlerts.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("ref.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(dir.resolve("ref.log")));
        GoldenRecords.assertScoresMatch(read(refScores), read(scores));
        GoldenRecords.assertAlertsMatch(read(refAlerts), read(alerts));
    }

    /** The valid rows' incidents, in file order, as the reference reads them. */
    private static void writeIncidents(Path input, Path out) throws Exception {
        EscmonConfig config = EscmonConfig.defaultsOnly();
        List<String> lines = new ArrayList<>();
        try (RowReader rows = Sources.open(input, null, config.sourceSettings())) {
            while (rows.hasNext()) {
                if (rows.next() instanceof Row.Valid v) {
                    lines.add(Json.MAPPER.writeValueAsString(v.record()));
                }
            }
        }
        Files.write(out, lines);
    }

    private static List<JsonNode> read(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Golden::parse).toList();
    }

    private static boolean python3() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    private static String escmon(String... args) {
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = Escmon.commandLine().execute(args);
            assertEquals(0, code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
