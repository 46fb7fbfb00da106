package io.github.escmon.streams.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One dyad's window of the last W of event time, evaluated as SCORING.md §3–4 say. Plain Java: the scoring
 * processor loads it from its store, calls {@link #onEvent} or {@link #onTick}, forwards what it returns and
 * stores it back.
 *
 * <p>A dyad whose events have all expired is kept as a stub with its last evaluation time, because that time
 * still decides whether a straggler is too late.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DyadWindow {

    private static final int EVIDENCE = 3;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private final String a;
    private final String b;
    private final List<WindowEvent> events;   // in WindowEvent.ORDER
    private Long lastEval;                      // epoch millis of the last evaluation; null before the first
    private double lastScore;
    private boolean needsTick;

    public DyadWindow(Dyad dyad) {
        this(dyad.a(), dyad.b(), new ArrayList<>(), null, 0.0, false);
    }

    @JsonCreator
    DyadWindow(@JsonProperty("a") String a, @JsonProperty("b") String b,
               @JsonProperty("events") List<WindowEvent> events, @JsonProperty("lastEval") Long lastEval,
               @JsonProperty("lastScore") double lastScore, @JsonProperty("needsTick") boolean needsTick) {
        this.a = a;
        this.b = b;
        this.events = events == null ? new ArrayList<>() : new ArrayList<>(events);
        this.lastEval = lastEval;
        this.lastScore = lastScore;
        this.needsTick = needsTick;
    }

    /**
     * Adds an event and evaluates the dyad at {@code max(occurredAt, last evaluation)}; empty when the event is
     * too late (at or before that time minus W), in which case nothing changes.
     */
    public Optional<DyadScore> onEvent(WindowEvent event, ScoreParameters p) {
        long t = lastEval == null ? event.at() : Math.max(event.at(), lastEval);
        if (event.at() <= t - p.window().toMillis()) {
            return Optional.empty();
        }
        events.add(insertionPoint(event), event);
        DyadScore score = evaluate(t, DyadScore.EVENT, event.id(), p);
        needsTick = true;
        return Optional.of(score);
    }

    /** After every event that orders before or equal to it: equal ones keep their arrival order, as in the reference. */
    private int insertionPoint(WindowEvent event) {
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (WindowEvent.ORDER.compare(events.get(mid), event) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Evaluates the dyad at a tick boundary (or at its last evaluation, if that is later). */
    public DyadScore onTick(long boundary, ScoreParameters p) {
        DyadScore score = evaluate(lastEval == null ? boundary : Math.max(boundary, lastEval), DyadScore.TICK, null, p);
        needsTick = score.score() >= p.tickFloor();
        return score;
    }

    /** Whether the next tick boundary must evaluate this dyad: after an event, and while its score is high. */
    public boolean needsTick() {
        return needsTick;
    }

    public double lastScore() {
        return lastScore;
    }

    public int size() {
        return events.size();
    }

    public Dyad dyad() {
        return new Dyad(a, b);
    }

    /** Epoch millis of the last evaluation, or null before the first. */
    public Long lastEvaluation() {
        return lastEval;
    }

    /** The events in the window, oldest first (as of the last evaluation). */
    public List<WindowEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /**
     * The score as of the last evaluation, recomputed without changing the window (for queries): the same numbers
     * as the last score record, whatever its trigger. Empty before the first evaluation.
     */
    public Optional<DyadScore> current(ScoreParameters p) {
        if (lastEval == null) {
            return Optional.empty();
        }
        DyadWindow copy = new DyadWindow(a, b, events, lastEval, lastScore, needsTick);
        return Optional.of(copy.evaluate(lastEval, DyadScore.TICK, null, p));
    }

    /** Every tit-for-tat exchange in the window as of the last evaluation, oldest first. */
    public List<Exchange> exchanges(ScoreParameters p) {
        return lastEval == null ? List.of() : TitForTat.all(events, lastEval, p.exchangeLag().toMillis(), a, b);
    }

    private DyadScore evaluate(long t, String trigger, String eventId, ScoreParameters p) {
        lastEval = t;
        expire(t - p.window().toMillis());
        double halfLifeHours = p.halfLife().toMillis() / MILLIS_PER_HOUR;
        double hab = 0;
        double hba = 0;
        double coop = 0;
        int n = 0;
        List<Weighed> heaviest = new ArrayList<>(EVIDENCE + 1);
        for (WindowEvent e : events) {
            if (e.at() > t) {
                break;
            }
            double decay = Math.pow(2.0, -((t - e.at()) / MILLIS_PER_HOUR) / halfLifeHours);
            double h = e.hostility() * decay;
            if (e.forward()) {
                hab += h;
            } else {
                hba += h;
            }
            coop += e.cooperation() * decay;
            n++;
            if (h > 0) {
                keepHeaviest(heaviest, new Weighed(e, h));
            }
        }
        double total = hab + hba;
        double mutuality = total > 0 ? 2.0 * Math.min(hab, hba) / total : 0.0;
        double raw = Math.max(0.0, total * (1.0 + mutuality) - p.cooperationWeight() * coop);
        double score = 10.0 * (1.0 - Math.exp(-raw / p.scale()));
        TitForTat.Result tft = TitForTat.find(events, t, p.exchangeLag().toMillis(), a, b);
        lastScore = score;
        return new DyadScore(a + "-" + b, a, b, Instant.ofEpochMilli(t), trigger, eventId, score, raw, hab, hba,
                coop, mutuality, tft.exchanges(), n, tft.last(), heaviest.stream().map(this::evidence).toList());
    }

    /** The window forgets what is at or before {@code cutoff}; events are in time order, so that is a prefix. */
    private void expire(long cutoff) {
        int k = 0;
        while (k < events.size() && events.get(k).at() <= cutoff) {
            k++;
        }
        events.subList(0, k).clear();
    }

    private record Weighed(WindowEvent event, double weight) {
    }

    private static void keepHeaviest(List<Weighed> heaviest, Weighed w) {
        int i = 0;
        while (i < heaviest.size() && heaviest.get(i).weight() >= w.weight()) {
            i++;
        }
        if (i < EVIDENCE) {
            heaviest.add(i, w);
            if (heaviest.size() > EVIDENCE) {
                heaviest.remove(EVIDENCE);
            }
        }
    }

    private Evidence evidence(Weighed w) {
        WindowEvent e = w.event();
        return new Evidence(e.id(), Instant.ofEpochMilli(e.at()), e.forward() ? a : b, e.forward() ? b : a,
                e.cameo(), e.fatalities(), TitForTat.round6(w.weight()), e.summary(), e.url());
    }
}
