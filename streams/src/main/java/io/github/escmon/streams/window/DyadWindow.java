package io.github.escmon.streams.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One dyad's window of the last W of event time, evaluated as SCORING.md §3–4 say. Plain Java: the scoring
 * processor loads it from its store, calls {@link #onEvent} or {@link #onTick}, forwards what it returns and
 * stores it back.
 *
 * <p>An evaluation costs the same whatever the window holds (amortized): the decayed sums are kept as fixed-point
 * sums of each event's weight at an anchor time (exact integer additions, so the sums depend only on which events
 * the window holds, never on the order they came and went), the valid tit-for-tat responses in a queue that expires
 * in order, and the hostile events ranked by weight (the ranking of decayed weights does not change with time). An
 * event older than the newest in the window, or a new anchor (every T of event time), rebuilds these from the
 * events. Only the events and the evaluation state are stored; the rest is rebuilt when a stored window is loaded.
 *
 * <p>A dyad whose events have all expired is kept as a stub with its last evaluation time, because that time
 * still decides whether a straggler is too late.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class DyadWindow {

    private static final int EVIDENCE = 3;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    /** Fixed-point weights: units of 2^-32. */
    private static final double FIXED_ONE = 0x1p32;
    private static final double LN2 = Math.log(2.0);

    @JsonProperty("a")
    private final String a;
    @JsonProperty("b")
    private final String b;
    private final PrefixList<WindowEvent> events;   // in WindowEvent.ORDER
    @JsonProperty("lastEval")
    private Long lastEval;                            // epoch millis of the last evaluation; null before the first
    @JsonProperty("lastScore")
    private double lastScore;
    @JsonProperty("needsTick")
    private boolean needsTick;
    private Sums sums;                                // derived from events; null until (re)built
    private final List<Change> added = new ArrayList<>();    // since the last drainChanges
    private final List<Change> expired = new ArrayList<>();

    public DyadWindow(Dyad dyad) {
        this(dyad.a(), dyad.b(), new ArrayList<>(), null, 0.0, false);
    }

    @JsonCreator
    DyadWindow(@JsonProperty("a") String a, @JsonProperty("b") String b,
               @JsonProperty("events") List<WindowEvent> events, @JsonProperty("lastEval") Long lastEval,
               @JsonProperty("lastScore") double lastScore, @JsonProperty("needsTick") boolean needsTick) {
        this.a = a;
        this.b = b;
        this.events = new PrefixList<>(events == null ? List.of() : events);
        this.lastEval = lastEval;
        this.lastScore = lastScore;
        this.needsTick = needsTick;
    }

    @JsonProperty("events")
    List<WindowEvent> storedEvents() {
        return events.asList();
    }

    /** A window from its stored header and events (in any order). */
    public static DyadWindow restore(WindowHeader header, List<WindowEvent> events) {
        List<WindowEvent> ordered = new ArrayList<>(events);
        ordered.sort(WindowEvent.ORDER);
        return new DyadWindow(header.a(), header.b(), ordered, header.lastEval(), header.lastScore(), header.needsTick());
    }

    /** The window without its events. */
    public WindowHeader header() {
        return new WindowHeader(a, b, lastEval, lastScore, needsTick);
    }

    /**
     * An event that came into or left the window; {@code seq} tells apart events with equal time and id (0 for the
     * first of them, in arrival order), which the reference scores as distinct events.
     */
    public record Change(WindowEvent event, int seq) {
    }

    /**
     * Hands over the events that came in and those that expired since the last call, and forgets them: a store
     * that keeps events one by one writes only these.
     */
    public void drainChanges(Consumer<Change> in, Consumer<Change> out) {
        added.forEach(in);
        expired.forEach(out);
        added.clear();
        expired.clear();
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
        int at = insertionPoint(event);
        int seq = 0;
        while (seq < at && WindowEvent.ORDER.compare(events.get(at - seq - 1), event) == 0) {
            seq++;
        }
        events.add(at, event);
        added.add(new Change(event, seq));
        if (sums != null) {
            if (event.at() >= sums.maxAt) {
                sums.add(event, p); // the newest, or one more at the newest instant
            } else {
                sums = null; // older than the newest: rebuilt at the evaluation
            }
        }
        DyadScore score = evaluate(t, DyadScore.EVENT, event.id(), p);
        needsTick = true;
        return Optional.of(score);
    }

    /** After every event that orders before or equal to it: equal ones keep their arrival order, as in the reference. */
    private int insertionPoint(WindowEvent event) {
        int n = events.size();
        if (n == 0 || WindowEvent.ORDER.compare(events.get(n - 1), event) <= 0) {
            return n;
        }
        int lo = 0;
        int hi = n;
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
        return Collections.unmodifiableList(events.asList());
    }

    /**
     * The score as of the last evaluation, recomputed without changing the window (for queries): the same numbers
     * as the last score record, whatever its trigger. Empty before the first evaluation.
     */
    public Optional<DyadScore> current(ScoreParameters p) {
        if (lastEval == null) {
            return Optional.empty();
        }
        DyadWindow copy = new DyadWindow(a, b, events.asList(), lastEval, lastScore, needsTick);
        return Optional.of(copy.evaluate(lastEval, DyadScore.TICK, null, p));
    }

    /** Every tit-for-tat exchange in the window as of the last evaluation, oldest first. */
    public List<Exchange> exchanges(ScoreParameters p) {
        return lastEval == null ? List.of() : TitForTat.all(events.asList(), lastEval, p.exchangeLag().toMillis(), a, b);
    }

    private DyadScore evaluate(long t, String trigger, String eventId, ScoreParameters p) {
        lastEval = t;
        long anchor = Sums.anchorFor(t, p);
        if (sums == null || sums.anchor != anchor) {
            sums = new Sums(anchor, a, b, p);
            for (int i = 0; i < events.size(); i++) {
                sums.add(events.get(i), p);
            }
        }
        expire(t - p.window().toMillis(), p);
        double halfLifeHours = p.halfLife().toMillis() / MILLIS_PER_HOUR;
        double decay = Math.pow(2.0, -((t - anchor) / MILLIS_PER_HOUR) / halfLifeHours);
        double hab = sums.hab / FIXED_ONE * decay;
        double hba = sums.hba / FIXED_ONE * decay;
        double coop = sums.coop / FIXED_ONE * decay;
        double total = hab + hba;
        double mutuality = total > 0 ? 2.0 * Math.min(hab, hba) / total : 0.0;
        double raw = Math.max(0.0, total * (1.0 + mutuality) - p.cooperationWeight() * coop);
        double score = 10.0 * (1.0 - Math.exp(-raw / p.scale()));
        lastScore = score;
        return new DyadScore(a + "-" + b, a, b, Instant.ofEpochMilli(t), trigger, eventId, score, raw, hab, hba,
                coop, mutuality, sums.responses.size(), events.size(), sums.lastExchange(), evidence(t, halfLifeHours));
    }

    /** The window forgets what is at or before {@code cutoff}; events are in time order, so that is a prefix. */
    private void expire(long cutoff, ScoreParameters p) {
        int k = 0;
        int seq = 0;
        while (k < events.size() && events.get(k).at() <= cutoff) {
            WindowEvent e = events.get(k);
            seq = k > 0 && WindowEvent.ORDER.compare(events.get(k - 1), e) == 0 ? seq + 1 : 0;
            sums.remove(e, p);
            expired.add(new Change(e, seq));
            k++;
        }
        events.removeFirst(k);
        sums.expireResponses(cutoff);
    }

    /** The hostile events that weigh most at {@code t}, heaviest first (equal weights: earliest first). */
    private List<Evidence> evidence(long t, double halfLifeHours) {
        List<Evidence> out = new ArrayList<>(EVIDENCE);
        Iterator<WindowEvent> it = sums.heaviest.iterator();
        while (out.size() < EVIDENCE && it.hasNext()) {
            WindowEvent e = it.next();
            double w = e.hostility() * Math.pow(2.0, -((t - e.at()) / MILLIS_PER_HOUR) / halfLifeHours);
            if (w > 0) {
                out.add(new Evidence(e.id(), Instant.ofEpochMilli(e.at()), e.forward() ? a : b, e.forward() ? b : a,
                        e.cameo(), e.fatalities(), TitForTat.round6(w), e.summary(), e.url()));
            }
        }
        return out;
    }

    /** A response whose provocation was at {@code provocationAt}; it stops counting when that expires. */
    private record Response(long provocationAt, WindowEvent event, Exchange exchange) {
    }

    /**
     * What an evaluation needs besides the events, kept up to date event by event. Appending in event order is the
     * only way in, so a rebuild is the same code run over the window.
     */
    private static final class Sums {

        final long anchor;
        final String a;
        final String b;
        long hab;
        long hba;
        long coop;
        long maxAt = Long.MIN_VALUE;
        /** Per direction (0: a→b, 1: b→a): the latest hostile act at an instant before {@link #maxAt}. */
        final WindowEvent[] latestEarlier = new WindowEvent[2];
        /** Per direction: the last hostile act (in event order) at {@link #maxAt}. */
        final WindowEvent[] latestAtMax = new WindowEvent[2];
        /** The responses whose provocation is still in the window, in event order. */
        final PrefixList<Response> responses = new PrefixList<>(List.of());
        /** The hostile events by weight, heaviest first: h·2^(at/T) orders them at any time t. */
        final TreeSet<WindowEvent> heaviest;

        Sums(long anchor, String a, String b, ScoreParameters p) {
            this.anchor = anchor;
            this.a = a;
            this.b = b;
            double halfLifeMillis = p.halfLife().toMillis();
            // w(t) = h·2^(−(t − at)/T): log₂ w(t) + t/T = log₂ h + at/T, the same order at every t
            Comparator<WindowEvent> byWeight = Comparator.comparingDouble(
                    e -> Math.log(e.hostility()) / LN2 + e.at() / halfLifeMillis);
            this.heaviest = new TreeSet<>(byWeight.reversed().thenComparing(WindowEvent.ORDER));
        }

        /** The anchor of evaluations at {@code t}: the start of its period of one half-life. */
        static long anchorFor(long t, ScoreParameters p) {
            long period = p.halfLife().toMillis();
            return Math.floorDiv(t, period) * period;
        }

        /** An event's weight {@code w} at the anchor, in fixed point. */
        private long fixed(double w, long at, ScoreParameters p) {
            if (w == 0) {
                return 0;
            }
            double halfLifeHours = p.halfLife().toMillis() / MILLIS_PER_HOUR;
            return Math.round(w * Math.pow(2.0, ((at - anchor) / MILLIS_PER_HOUR) / halfLifeHours) * FIXED_ONE);
        }

        /** Adds an event that orders after (or at the same instant as) every event already added. */
        void add(WindowEvent e, ScoreParameters p) {
            if (e.at() > maxAt) {
                for (int d = 0; d < 2; d++) {
                    if (latestAtMax[d] != null) {
                        latestEarlier[d] = latestAtMax[d];
                        latestAtMax[d] = null;
                    }
                }
                maxAt = e.at();
            }
            coop += fixed(e.cooperation(), e.at(), p);
            if (!e.isHostile()) {
                return;
            }
            long h = fixed(e.hostility(), e.at(), p);
            int dir = e.forward() ? 0 : 1;
            if (dir == 0) {
                hab += h;
            } else {
                hba += h;
            }
            WindowEvent provocation = latestEarlier[1 - dir];
            if (provocation != null && e.at() - provocation.at() <= p.exchangeLag().toMillis()) {
                Response r = new Response(provocation.at(), e, new Exchange(provocation.id(), e.id(),
                        e.forward() ? a : b, e.forward() ? b : a,
                        TitForTat.round6((e.at() - provocation.at()) / MILLIS_PER_HOUR),
                        TitForTat.round6(e.hostility() / provocation.hostility())));
                int i = responses.size();
                while (i > 0 && WindowEvent.ORDER.compare(responses.get(i - 1).event(), e) > 0) {
                    i--;
                }
                responses.add(i, r);
            }
            if (latestAtMax[dir] == null || WindowEvent.ORDER.compare(latestAtMax[dir], e) <= 0) {
                latestAtMax[dir] = e;
            }
            heaviest.add(e);
        }

        /** Takes out an expiring event (the oldest). */
        void remove(WindowEvent e, ScoreParameters p) {
            coop -= fixed(e.cooperation(), e.at(), p);
            if (!e.isHostile()) {
                return;
            }
            long h = fixed(e.hostility(), e.at(), p);
            if (e.forward()) {
                hab -= h;
            } else {
                hba -= h;
            }
            heaviest.remove(e);
            for (int d = 0; d < 2; d++) {
                if (latestEarlier[d] == e) {
                    latestEarlier[d] = null;
                }
                if (latestAtMax[d] == e) {
                    latestAtMax[d] = null;
                }
            }
        }

        /**
         * Responses stop counting once their provocation has expired. Provocation times never fall from one instant
         * of the responses to the next, so the expired ones are a prefix, except among responses of one instant.
         */
        void expireResponses(long cutoff) {
            int k = 0;
            while (k < responses.size() && responses.get(k).provocationAt() <= cutoff) {
                k++;
            }
            responses.removeFirst(k);
            if (responses.size() > 0) {
                long instant = responses.get(0).event().at();
                for (int i = 1; i < responses.size() && responses.get(i).event().at() == instant; ) {
                    if (responses.get(i).provocationAt() <= cutoff) {
                        responses.remove(i);
                    } else {
                        i++;
                    }
                }
            }
        }

        Exchange lastExchange() {
            return responses.size() == 0 ? null : responses.get(responses.size() - 1).exchange();
        }
    }
}
