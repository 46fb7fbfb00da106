package io.github.escmon.events;

import java.time.Instant;
import java.util.List;

/**
 * An alert transition (SCORING.md §5), keyed by dyad on {@code escalation-alerts}. An episode runs from its
 * first FIRING to its RESOLVED and keeps its {@code alertId} ({@code dyad/since}).
 *
 * @param status        {@code FIRING} or {@code RESOLVED}
 * @param level         the new level when FIRING; the level that ended when RESOLVED
 * @param summary       one readable line: what happened and why it matters
 * @param lastExchange  the latest tit-for-tat exchange behind the score, or null
 * @param evidence      the events that weigh most in the score, heaviest first
 */
public record Alert(
        String alertId,
        String dyad,
        String status,
        String level,
        String previousLevel,
        double score,
        Instant at,
        Instant since,
        boolean titForTat,
        String summary,
        Exchange lastExchange,
        List<Evidence> evidence) {

    public static final String FIRING = "FIRING";
    public static final String RESOLVED = "RESOLVED";
}
