package io.github.escmon.app.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.escmon.alerts.levels.DyadAlertState;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.streams.window.WindowEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /dyads/{dyad}}: a dyad's window as its store holds it, as of its last evaluation ({@code asOf}): the
 * score and its components (SCORING.md §4), the most recent events newest first, every tit-for-tat exchange, and
 * the open alert if there is one. {@code servedBy} is the instance whose store answered.
 *
 * @param eventsInWindow how many events the window holds ({@code recentEvents} may show fewer)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DyadView(String dyad, String a, String b, Instant asOf, double score, double raw, double hostilityAB,
                       double hostilityBA, double cooperation, double mutuality, int eventsInWindow,
                       int exchangeCount, Exchange lastExchange, List<Evidence> evidence, Alert alert,
                       List<Event> recentEvents, List<Exchange> exchanges, String servedBy) {

    /** The open alert: its level, when the episode began, and since when the score has been calm (or null). */
    public record Alert(String level, Instant since, Instant calmSince) {
    }

    /** One incident of the window, its direction spelled out, with the weights the score gives it (§2). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String id, Instant occurredAt, String source, String target, String cameo, int fatalities,
                        double hostility, double cooperation, String summary, String url) {
    }

    static DyadView of(DyadWindow window, DyadAlertState alert, ScoreParameters params, int limit, String servedBy) {
        DyadScore s = window.current(params).orElseThrow();
        List<WindowEvent> events = window.events();
        List<Event> recent = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && recent.size() < limit; i--) {
            WindowEvent e = events.get(i);
            recent.add(new Event(e.id(), Instant.ofEpochMilli(e.at()), e.forward() ? s.a() : s.b(),
                    e.forward() ? s.b() : s.a(), e.cameo(), e.fatalities(), e.hostility(), e.cooperation(),
                    e.summary(), e.url()));
        }
        Alert open = alert == null || !alert.isOpen() ? null
                : new Alert(alert.level().name(), alert.since(), alert.calmSince());
        return new DyadView(s.dyad(), s.a(), s.b(), s.at(), s.score(), s.raw(), s.hostilityAB(), s.hostilityBA(),
                s.cooperation(), s.mutuality(), s.events(), s.exchanges(), s.lastExchange(), s.evidence(), open,
                recent, window.exchanges(params), servedBy);
    }
}
