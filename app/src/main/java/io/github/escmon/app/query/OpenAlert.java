package io.github.escmon.app.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.escmon.alerts.levels.AlertLevel;
import java.time.Instant;
import java.util.Comparator;

/**
 * One open alert in {@code GET /alerts}: the dyad, its level, when the episode began, since when it has been calm
 * (null if not calming), its score as of {@code scoredAt}, and the instance whose store holds it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenAlert(String dyad, String level, Instant since, Instant calmSince, double score, Instant scoredAt,
                        String servedBy) {

    /** Highest level first, then highest score, then dyad. */
    public static final Comparator<OpenAlert> MOST_SEVERE_FIRST = Comparator
            .comparing((OpenAlert a) -> AlertLevel.valueOf(a.level())).reversed()
            .thenComparing(Comparator.comparingDouble(OpenAlert::score).reversed())
            .thenComparing(OpenAlert::dyad);
}
