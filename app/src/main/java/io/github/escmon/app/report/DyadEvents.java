package io.github.escmon.app.report;

import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events behind a dyad's scores: every event named in its score records' evidence, once per id, with the
 * heaviest weight it was given (its hostility when fresh), in time order; and the score records of the
 * tit-for-tat responses, in time order, numbered from 1 in the chart, the list and the event table alike.
 */
record DyadEvents(List<Evidence> events, List<DyadScore> responses) {

    /** @param scores one dyad's score records in time order */
    static DyadEvents of(List<DyadScore> scores) {
        Map<String, Evidence> byId = new LinkedHashMap<>();
        Map<String, DyadScore> responses = new LinkedHashMap<>();
        for (DyadScore s : scores) {
            if (s.evidence() != null) {
                for (Evidence e : s.evidence()) {
                    if (e != null && e.id() != null) {
                        byId.merge(e.id(), e, (old, neu) -> neu.weight() > old.weight() ? neu : old);
                    }
                }
            }
            if (isResponse(s)) {
                responses.putIfAbsent(s.eventId(), s);
            }
        }
        List<Evidence> events = byId.values().stream()
                .sorted(Comparator.comparing(Evidence::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Evidence::id))
                .toList();
        return new DyadEvents(events, new ArrayList<>(responses.values()));
    }

    /** The number of the exchange that {@code eventId} answered with, or 0 if it was no response. */
    int number(String eventId) {
        for (int i = 0; i < responses.size(); i++) {
            if (responses.get(i).eventId().equals(eventId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A score record made by the event that answered a provocation (SCORING.md §3). */
    static boolean isResponse(DyadScore s) {
        return s.eventId() != null && s.lastExchange() != null && s.eventId().equals(s.lastExchange().response());
    }

    /** The exchange in words, as the alert summaries put it. */
    static String describe(Exchange x) {
        return String.format(Locale.ROOT, "%s struck back at %s %s after %s's attack (%.2f× its intensity)",
                x.from(), x.to(), TimeText.hours(x.lagHours()), x.to(), x.ratio());
    }
}
