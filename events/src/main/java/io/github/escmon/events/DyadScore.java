package io.github.escmon.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * One evaluation of a dyad (SCORING.md §4), keyed by dyad on {@code escalation-scores}.
 *
 * @param trigger      {@code event} or {@code tick}
 * @param eventId      the event that triggered it, null for a tick
 * @param lastExchange the latest tit-for-tat exchange in the window, or null
 * @param evidence     the hostile events that weigh most at {@code at}, heaviest first (escmon's own field)
 */
public record DyadScore(
        String dyad,
        String a,
        String b,
        Instant at,
        String trigger,
        String eventId,
        double score,
        double raw,
        double hostilityAB,
        double hostilityBA,
        double cooperation,
        double mutuality,
        int exchanges,
        int events,
        Exchange lastExchange,
        List<Evidence> evidence) {

    public static final String EVENT = "event";
    public static final String TICK = "tick";

    @JsonIgnore
    public boolean isTick() {
        return TICK.equals(trigger);
    }
}
