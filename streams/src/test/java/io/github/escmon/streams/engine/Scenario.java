package io.github.escmon.streams.engine;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.IncidentSerde;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.streams.window.ScoreParameters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs records through one {@link PartitionScorer} with in-memory state, as a single partition would. */
public final class Scenario {

    public static final IncidentSerde SERDE = new IncidentSerde(
            new IncidentValidator(Codebook.standard(), Clock.systemUTC(), Duration.ofDays(1)));

    public final MemoryState state = new MemoryState();
    public final List<DyadScore> scores = new ArrayList<>();
    public final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private final PartitionScorer scorer;

    public Scenario(ScoreParameters params) {
        this.scorer = new PartitionScorer(params, new EventWeights(Codebook.standard(), params),
                o -> outcomes.merge(o, 1, Integer::sum));
    }

    public Scenario() {
        this(ScoreParameters.defaults());
    }

    public static List<TimelineRecord> parse(List<String> lines) {
        return lines.stream().map(l -> SERDE.parse(l.getBytes(StandardCharsets.UTF_8))).toList();
    }

    public Scenario apply(List<? extends TimelineRecord> records) {
        records.forEach(r -> scorer.apply(r, state, scores::add));
        return this;
    }

    public static List<DyadScore> run(List<? extends TimelineRecord> records) {
        return new Scenario().apply(records).scores;
    }
}
