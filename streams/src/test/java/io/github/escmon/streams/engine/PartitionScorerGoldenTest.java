package io.github.escmon.streams.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.events.Json;
import io.github.escmon.streams.Outcome;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scoring rules against the reference implementation's output (refscore.py), record by record. */
class PartitionScorerGoldenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/scenarios/iran-pakistan-2024.jsonl, /golden/iran-pakistan-2024.scores.jsonl",
            "/golden/mixed.jsonl,                 /golden/mixed.scores.jsonl",
            "/golden/partitioning.jsonl,          /golden/partitioning.scores.jsonl"})
    void everyScoreRecordMatchesTheReference(String input, String expected) {
        var scenario = new Scenario().apply(Scenario.parse(Golden.lines(input)));
        List<JsonNode> actual = scenario.scores.stream().map(s -> Json.MAPPER.<JsonNode>valueToTree(s)).toList();
        GoldenRecords.assertScoresMatch(Golden.records(expected), actual);
    }

    @org.junit.jupiter.api.Test
    void theMixedScenarioExercisesEveryOutcomeAndTheyAddUp() {
        List<String> lines = Golden.lines("/golden/mixed.jsonl");
        var scenario = new Scenario().apply(Scenario.parse(lines));
        for (Outcome o : List.of(Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.DOMESTIC, Outcome.LATE)) {
            assertEquals(true, scenario.outcomes.getOrDefault(o, 0) > 0, o + " should occur in the mixed scenario");
        }
        assertEquals(lines.size(), scenario.outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }
}
