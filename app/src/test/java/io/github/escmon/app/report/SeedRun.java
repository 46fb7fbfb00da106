package io.github.escmon.app.report;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.Alert;
import io.github.escmon.events.Codebook;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.Json;
import io.github.escmon.streams.window.EventWeights;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.testkit.golden.Golden;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The seed story's records as a report reads them: the reference's score and alert records (SCORING.md §6).
 * The reference writes no evidence, so each score record gets escmon's kind: the hostile seed events of its
 * dyad within W, weighed h × decay at its time, heaviest three first, each with a news url.
 */
final class SeedRun {

    static final String TALLY = "read 13: accepted 13, unpaired 0, invalid 0, duplicate 0, domestic 0, late 0";

    private SeedRun() {
    }

    static List<Alert> alerts() {
        return Golden.records("/golden/iran-pakistan-2024.alerts.jsonl").stream()
                .map(n -> Json.MAPPER.convertValue(n, Alert.class)).toList();
    }

    static List<DyadScore> scores() {
        IncidentValidator validator = IncidentValidator.standard();
        List<Incident> seed = Golden.records(Golden.SEED).stream().map(validator::incident).toList();
        EventWeights weights = new EventWeights(Codebook.standard(), ScoreParameters.defaults());
        return Golden.records("/golden/iran-pakistan-2024.scores.jsonl").stream()
                .map(n -> Json.MAPPER.convertValue(n, DyadScore.class))
                .map(s -> withEvidence(s, seed, weights))
                .toList();
    }

    static ReportInput input() {
        return new ReportInput("iran-pakistan-2024.jsonl", TALLY, scores(), alerts(), AlertParameters.defaults());
    }

    static String url(String id) {
        return "https://news.example.org/story?id=" + id + "&lang=en";
    }

    private static DyadScore withEvidence(DyadScore s, List<Incident> seed, EventWeights weights) {
        List<Evidence> evidence = seed.stream()
                .filter(i -> i.dyad().key().equals(s.dyad()))
                .filter(i -> !i.occurredAt().isAfter(s.at()) && i.occurredAt().isAfter(s.at().minus(Duration.ofDays(14))))
                .filter(i -> weights.hostility(i) > 0)
                .map(i -> new Evidence(i.id(), i.occurredAt(), i.source(), i.target(), i.cameo(), i.fatalities(),
                        weights.hostility(i) * Math.pow(2, -Duration.between(i.occurredAt(), s.at()).toMinutes() / 60.0 / 72),
                        i.summary(), url(i.id())))
                .sorted(Comparator.comparingDouble(Evidence::weight).reversed())
                .limit(3)
                .toList();
        return new DyadScore(s.dyad(), s.a(), s.b(), s.at(), s.trigger(), s.eventId(), s.score(), s.raw(),
                s.hostilityAB(), s.hostilityBA(), s.cooperation(), s.mutuality(), s.exchanges(), s.events(),
                s.lastExchange(), evidence);
    }
}
