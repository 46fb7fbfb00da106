package io.github.escmon.app.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Json;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files through the real pipeline on a real broker: the reference's records, whatever the partitioning. */
@WithKafka
@Timeout(180)
class BacktestIT {

    @TempDir
    Path stateDir;

    private EscmonConfig config(KafkaCluster kafka, int partitions) {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TopicNames t = TopicNames.defaults().withSuffix(run);
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", kafka.bootstrapServers());
        s.put("application.id", "escmon-" + run);
        s.put("state.dir", stateDir.resolve(run).toString());
        s.put("topics.partitions", Integer.toString(partitions));
        s.put("topics.incidents", t.incidents());
        s.put("topics.dead-letter", t.deadLetter());
        s.put("topics.scores", t.scores());
        s.put("topics.alerts", t.alerts());
        return EscmonConfig.load(null, Map.of(), s);
    }

    /** A pass's tally and records, read into lists. */
    private record Run(PublishReport published, OutcomeCounts outcomes, List<DyadScore> scores, List<Alert> alerts) {
    }

    private Run backtest(KafkaCluster kafka, int partitions, List<String> lines) throws Exception {
        EscmonConfig config = config(kafka, partitions);
        try (Cluster cluster = Cluster.external(config);
             Backtest.Result r = Backtest.run(cluster, config, Sources.open(new BufferedReader(new StringReader(String.join("\n", lines))),
                     Format.JSONL, config.sourceSettings()), Duration.ofMinutes(2), n -> { })) {
            return new Run(r.published(), r.outcomes(), r.scores().toList(), r.alerts().toList());
        }
    }

    private static List<JsonNode> json(List<?> records) {
        return records.stream().map(r -> Json.MAPPER.<JsonNode>valueToTree(r)).toList();
    }

    @ParameterizedTest(name = "{0} on {2} partition(s)")
    @CsvSource({
            "/scenarios/iran-pakistan-2024.jsonl, /golden/iran-pakistan-2024, 1",
            "/scenarios/iran-pakistan-2024.jsonl, /golden/iran-pakistan-2024, 6",
            "/golden/mixed.jsonl,                 /golden/mixed,              6",
            "/golden/partitioning.jsonl,          /golden/partitioning,       2",
            "/golden/partitioning.jsonl,          /golden/partitioning,       3"})
    void scoresAndAlertsEqualTheReferenceWhateverThePartitionCount(String input, String golden, int partitions,
                                                                   KafkaCluster kafka) throws Exception {
        Run r = backtest(kafka, partitions, Golden.lines(input));
        GoldenRecords.assertScoresMatch(Golden.records(golden + ".scores.jsonl"), json(r.scores()));
        GoldenRecords.assertAlertsMatch(Golden.records(golden + ".alerts.jsonl"), json(r.alerts()));
    }

    @Test
    void theSeedStoryProducesTheNineTransitionsOfScoringMd(KafkaCluster kafka) throws Exception {
        Run r = backtest(kafka, 6, Golden.lines(Golden.SEED));
        List<String> transitions = r.alerts().stream()
                .map(a -> a.at() + " " + a.dyad() + " " + a.status() + " " + a.level() + String.format(" %.2f", a.score()))
                .toList();
        assertEquals(List.of(
                "2023-12-15T00:00:00Z IRN-JAD FIRING WATCH 4.29",
                "2023-12-20T00:00:00Z IRN-JAD RESOLVED WATCH 1.62",
                "2024-01-15T20:30:00Z IRN-IRQ FIRING WATCH 3.63",
                "2024-01-16T17:00:00Z IRN-PAK FIRING WATCH 3.21",
                "2024-01-18T01:00:00Z IRN-PAK FIRING CRITICAL 7.69",
                "2024-01-21T01:00:00Z IRN-PAK FIRING WARNING 5.16",
                "2024-01-22T10:00:00Z IRN-IRQ RESOLVED WATCH 1.61",
                "2024-01-23T13:00:00Z IRN-PAK FIRING WATCH 2.87",
                "2024-01-26T09:00:00Z IRN-PAK RESOLVED WATCH 1.61"), transitions);
        assertEquals(13, r.outcomes().get(Outcome.ACCEPTED));
    }

    /**
     * Valid incidents whose summaries are 400 KB each: a score record carrying three of them whole would be over
     * Kafka's 1 MB limit, which stopped the monitor; the evidence carries them cut, and the run goes on.
     */
    @Test
    void hugeSummariesAreCutInTheEvidenceAndNeverStopTheMonitor(KafkaCluster kafka) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add("{\"id\":\"big-" + i + "\",\"occurredAt\":\"2024-01-0" + (i + 1) + "T00:00:00Z\",\"source\":\""
                    + (i % 2 == 0 ? "IRN" : "PAK") + "\",\"target\":\"" + (i % 2 == 0 ? "PAK" : "IRN")
                    + "\",\"cameo\":\"195\",\"summary\":\"" + "s".repeat(400_000) + "\"}");
        }
        Run r = backtest(kafka, 1, lines);
        assertEquals(4, r.outcomes().get(Outcome.ACCEPTED));
        DyadScore last = r.scores().stream().filter(s -> "big-3".equals(s.eventId())).findFirst().orElseThrow();
        assertEquals(3, last.evidence().size());
        for (var e : last.evidence()) {
            assertEquals(EventWeights.MAX_SUMMARY + 1, e.summary().length(), "cut, with an ellipsis");
        }
        org.junit.jupiter.api.Assertions.assertFalse(r.alerts().isEmpty(), "the alert records are written too");
    }

    @Test
    void badLinesAreReportedByNumberAndTheCountsAddUp(KafkaCluster kafka) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Golden.lines(Golden.SEED));
        lines.add(2, "{\"id\":\"bad-1\",\"occurredAt\":\"yesterday\",\"source\":\"IRN\",\"target\":\"PAK\",\"cameo\":\"195\"}");
        lines.add(5, "this is not json");
        lines.add(7, Golden.lines(Golden.SEED).get(3)); // a duplicate
        lines.add("{\"id\":\"dom\",\"occurredAt\":\"2024-01-29T09:00:00Z\",\"source\":\"PAK\",\"target\":\"PAK\",\"cameo\":\"173\"}");
        Run r = backtest(kafka, 3, lines);
        assertEquals(List.of(3L, 6L), r.published().errors().stream().map(e -> e.line()).toList());
        assertEquals("occurredAt", r.published().errors().get(0).field());
        assertEquals(13, r.outcomes().get(Outcome.ACCEPTED));
        assertEquals(1, r.outcomes().get(Outcome.DUPLICATE));
        assertEquals(1, r.outcomes().get(Outcome.DOMESTIC));
        assertEquals(lines.size(), r.published().read());
        assertEquals(r.published().read(), r.outcomes().total() + r.published().invalid());
        assertEquals(9, r.alerts().size(), "bad lines change nothing");
        assertEquals(Tally.of(r.published(), r.outcomes()), "read 17: accepted 13, unpaired 0, invalid 2, duplicate 1, domestic 1, late 0");
    }
}
