package io.github.escmon.app.report;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run report is made of: the run's records, as {@code escmon backtest} reads them back.
 *
 * @param source     the input's name (a file name), shown in the title; text, never a link
 * @param tally      the run's tally line, or null
 * @param scores     every score record, in canonical order (by time, then dyad)
 * @param alerts     every alert record, in canonical order
 * @param thresholds the alert levels the run used
 * @param settings   scoring and alert settings that differ from the defaults (name → value), in display order
 */
public record ReportInput(String source, String tally, List<DyadScore> scores, List<Alert> alerts,
                          AlertParameters thresholds, Map<String, String> settings) {

    public ReportInput {
        Objects.requireNonNull(source, "source");
        scores = List.copyOf(scores);
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(thresholds, "thresholds");
        settings = settings == null ? Map.of() : settings;
    }

    public ReportInput(String source, String tally, List<DyadScore> scores, List<Alert> alerts,
                       AlertParameters thresholds) {
        this(source, tally, scores, alerts, thresholds, Map.of());
    }
}
