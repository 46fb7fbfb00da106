package io.github.escmon.streams.window;

import io.github.escmon.events.Dyad;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import io.github.escmon.streams.window.WindowHeader.Act;
import io.github.escmon.streams.window.WindowHeader.Bucket;
import io.github.escmon.streams.window.WindowHeader.EventKey;
import io.github.escmon.streams.window.WindowLog.StoredEvent;
import io.github.escmon.streams.window.WindowLog.StoredResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One dyad's window of the last W of event time, evaluated as SCORING.md §3–4 say. Plain Java: the scoring
 * processor loads it, calls {@link #onEvent} or {@link #onTick}, forwards what it returns and stores its
 * {@link #header()}; the events and responses themselves are in its {@link WindowLog}.
 *
 * <p>An evaluation costs the same whatever the window holds, and so does the window on the heap: it keeps
 * <ul>
 * <li>the decayed sums as one fixed-point sum per half-life period (exact integer additions: a sum depends only on
 * which events the window holds, never on the order they came and went, so replays stay byte-identical);</li>
 * <li>for tit-for-tat, each direction's latest hostile acts, and the responses' count, oldest provocation and
 * latest response (the responses themselves, a record each, are in the log and expire in order of provocation);</li>
 * <li>the heaviest hostile events, exactly the top few of the window (the ranking of decayed weights does not change
 * with time; when expiry leaves fewer than the evidence shows, they are refilled from the log).</li>
 * </ul>
 * Expiry reads the expiring events from the log, oldest first. A hostile event older than the newest changes which
 * acts answer which, so it rebuilds tit-for-tat from the log (writing only the responses that changed); any other
 * event, in order or not, is added where it belongs.
 *
 * <p>A dyad whose events have all expired is kept as a stub with its last evaluation time, because that time
 * still decides whether a straggler is too late.
 */
public final class DyadWindow {

    private static final int EVIDENCE = 3;
    /** Heaviest events kept: a few beyond the evidence, so that one expiring seldom needs a refill. */
    private static final int TOP = EVIDENCE + 3;
    private static final double MILLIS_PER_HOUR = 3_600_000.0;
    /** Fixed-point weights: units of 2^-32. */
    private static final double FIXED_ONE = 0x1p32;
    private static final double LN2 = Math.log(2.0);

    private final String a;
    private final String b;
    private final WindowLog log;
    private Long lastEval;                 // epoch millis of the last evaluation; null before the first
    private double lastScore;
    private boolean needsTick;
    private long arrivals;
    private int size;
    private int hostile;
    private long oldestAt = Long.MAX_VALUE;
    private long maxAt = Long.MIN_VALUE;
    /**
     * Per direction (0: a→b, 1: b→a): the latest hostile act at an instant before {@link #maxAt}. It may have left
     * the window: a response to it then has its provocation at or before the cutoff, and expires at once.
     */
    private final Act[] earlier = new Act[2];
    /** Per direction: the last hostile act (in event order) at {@link #maxAt}. */
    private final Act[] atMax = new Act[2];
    /** Per half-life period: {hab, hba, coop} in fixed point at the period's start. */
    private final TreeMap<Long, long[]> buckets = new TreeMap<>();
    private int responses;
    private long oldestProvocation = Long.MAX_VALUE;
    private StoredResponse last;
    /** The heaviest hostile events of the window, heaviest first: always the top {@code top.size()} of them. */
    private final List<StoredEvent> top = new ArrayList<>(TOP + 1);

    // what the current operation changed, written to the log at its end
    private final List<StoredEvent> newEvents = new ArrayList<>(1);
    private final List<StoredEvent> goneEvents = new ArrayList<>();
    private final List<StoredResponse> newResponses = new ArrayList<>(1);
    private final List<StoredResponse> goneResponses = new ArrayList<>();
    private boolean outOfOrder;
    /** T, W and L (millis) of the last evaluation: what the sums, responses and ranking were computed with. */
    private List<Long> scoredWith = List.of();
    /** Whether the header may disagree with the log: the next evaluation rebuilds from the log. */
    private boolean suspect;

    /** An empty window with a log of its own in memory. */
    public DyadWindow(Dyad dyad) {
        this(dyad, new MemoryLog());
    }

    /** An empty window keeping its events in {@code log} (which holds none of this dyad's yet). */
    public DyadWindow(Dyad dyad, WindowLog log) {
        this(dyad.a(), dyad.b(), log);
    }

    private DyadWindow(String a, String b, WindowLog log) {
        this.a = a;
        this.b = b;
        this.log = log;
    }

    /** The window that {@code header} describes, over the log that holds its events, trusting that they agree. */
    public static DyadWindow restore(WindowHeader h, WindowLog log) {
        return restore(h, log, true);
    }

    /**
     * The window that {@code header} describes, over the log that holds its events.
     *
     * @param trusted whether header and log were written together (a store under exactly-once, memory): if not (a
     *                store under at-least-once, where a crash can leave one ahead of the other), the next evaluation
     *                rebuilds the window from its log, which is the truth, as it also does when an evidence event is
     *                missing from the log or the window was computed under other settings
     */
    public static DyadWindow restore(WindowHeader h, WindowLog log, boolean trusted) {
        DyadWindow w = new DyadWindow(h.a(), h.b(), log);
        w.suspect = !trusted;
        w.scoredWith = h.scoredWith();
        w.lastEval = h.lastEval();
        w.lastScore = h.lastScore();
        w.needsTick = h.needsTick();
        w.arrivals = h.arrivals();
        w.size = h.size();
        w.hostile = h.hostile();
        w.oldestAt = h.oldestAt();
        w.maxAt = h.maxAt();
        for (int d = 0; d < 2; d++) {
            w.earlier[d] = h.acts().get(d);
            w.atMax[d] = h.acts().get(2 + d);
        }
        for (Bucket k : h.buckets()) {
            w.buckets.put(k.index(), new long[] {k.hab(), k.hba(), k.coop()});
        }
        w.responses = h.responses();
        w.oldestProvocation = h.oldestProvocation();
        w.last = h.last();
        for (EventKey k : h.top()) {
            StoredEvent e = log.event(k.at(), k.arrival());
            if (e == null) {
                w.suspect = true; // a header behind its log (or a query racing an expiry): the evidence is refound
            } else {
                w.top.add(e);
            }
        }
        return w;
    }

    /** What the {@code dyad-windows} store keeps of the window. */
    public WindowHeader header() {
        List<Bucket> bs = new ArrayList<>(buckets.size());
        buckets.forEach((k, s) -> bs.add(new Bucket(k, s[0], s[1], s[2])));
        List<EventKey> keys = new ArrayList<>(top.size());
        top.forEach(e -> keys.add(new EventKey(e.at(), e.arrival())));
        return new WindowHeader(a, b, lastEval, lastScore, needsTick, arrivals, size, hostile, oldestAt, maxAt,
                Arrays.asList(earlier[0], earlier[1], atMax[0], atMax[1]), bs, responses, oldestProvocation, last, keys,
                scoredWith);
    }

    /**
     * Adds an event and evaluates the dyad at {@code max(occurredAt, last evaluation)}; empty when the event is
     * too late (at or before that time minus W), in which case nothing changes.
     */
    public Optional<DyadScore> onEvent(WindowEvent event, ScoreParameters p) {
        reconcile(p);
        long t = lastEval == null ? event.at() : Math.max(event.at(), lastEval);
        if (event.at() <= t - p.window().toMillis()) {
            return Optional.empty();
        }
        StoredEvent s = new StoredEvent(arrivals++, event);
        newEvents.add(s);
        if (event.at() >= maxAt) {
            addWeights(s, p);
            StoredResponse r = addTitForTat(s, p);
            if (r != null) {
                countResponse(r);
                newResponses.add(r);
            }
        } else if (event.isHostile()) {
            outOfOrder = true; // it may answer, or be answered by, acts already in: rebuilt at the evaluation
        } else {
            addWeights(s, p); // weights do not depend on the order events come in
        }
        DyadScore score = evaluate(t, DyadScore.EVENT, event.id(), p);
        needsTick = true;
        writeChanges();
        return Optional.of(score);
    }

    /** Evaluates the dyad at a tick boundary (or at its last evaluation, if that is later). */
    public DyadScore onTick(long boundary, ScoreParameters p) {
        reconcile(p);
        DyadScore score = evaluate(lastEval == null ? boundary : Math.max(boundary, lastEval), DyadScore.TICK, null, p);
        needsTick = score.score() >= p.tickFloor();
        writeChanges();
        return score;
    }

    /** Whether the next tick boundary must evaluate this dyad: after an event, and while its score is high. */
    public boolean needsTick() {
        return needsTick;
    }

    public double lastScore() {
        return lastScore;
    }

    /** Events in the window (as of the last evaluation). */
    public int size() {
        return size;
    }

    public Dyad dyad() {
        return new Dyad(a, b);
    }

    /** Epoch millis of the last evaluation, or null before the first. */
    public Long lastEvaluation() {
        return lastEval;
    }

    /** About how many bytes of heap the window takes (for caches of windows); its log not included. */
    public long heapBytes() {
        long bytes = 600 + 64L * buckets.size();
        for (StoredEvent e : top) {
            bytes += 120 + 2L * (length(e.event().id()) + length(e.event().summary()) + length(e.event().url()));
        }
        return bytes;
    }

    /** The events in the window, oldest first (as of the last evaluation), read from the log. */
    public List<WindowEvent> events() {
        List<StoredEvent> all = new ArrayList<>(size);
        try (WindowLog.Cursor<StoredEvent> it = log.events(oldestAt)) {
            it.forEachRemaining(all::add);
        }
        all.sort(StoredEvent::compare);
        return all.stream().map(StoredEvent::event).toList();
    }

    /**
     * The score as of the last evaluation, recomputed without changing the window (for queries): the same numbers
     * as the last score record, whatever its trigger. Empty before the first evaluation.
     */
    public Optional<DyadScore> current(ScoreParameters p) {
        return lastEval == null ? Optional.empty() : Optional.of(score(lastEval, DyadScore.TICK, null, p));
    }

    /** Every tit-for-tat exchange in the window as of the last evaluation, oldest first (a scan of the log). */
    public List<Exchange> exchanges(ScoreParameters p) {
        return lastEval == null ? List.of() : TitForTat.all(events(), lastEval, p.exchangeLag().toMillis(), a, b);
    }

    private DyadScore evaluate(long t, String trigger, String eventId, ScoreParameters p) {
        lastEval = t;
        long cutoff = t - p.window().toMillis();
        if (outOfOrder) {
            rebuild(cutoff, p, false);
            outOfOrder = false;
        } else {
            expire(cutoff, p);
        }
        refillTop(cutoff, p);
        DyadScore score = score(t, trigger, eventId, p);
        lastScore = score.score();
        return score;
    }

    private DyadScore score(long t, String trigger, String eventId, ScoreParameters p) {
        long period = p.halfLife().toMillis();
        double halfLifeHours = period / MILLIS_PER_HOUR;
        double hab = 0;
        double hba = 0;
        double coop = 0;
        for (Map.Entry<Long, long[]> k : buckets.entrySet()) {
            double decay = Math.pow(2.0, -((t - k.getKey() * period) / MILLIS_PER_HOUR) / halfLifeHours) / FIXED_ONE;
            long[] s = k.getValue();
            hab += s[0] * decay;
            hba += s[1] * decay;
            coop += s[2] * decay;
        }
        double total = hab + hba;
        double mutuality = total > 0 ? 2.0 * Math.min(hab, hba) / total : 0.0;
        double raw = Math.max(0.0, total * (1.0 + mutuality) - p.cooperationWeight() * coop);
        double score = 10.0 * (1.0 - Math.exp(-raw / p.scale()));
        return new DyadScore(a + "-" + b, a, b, Instant.ofEpochMilli(t), trigger, eventId, score, raw, hab, hba,
                coop, mutuality, responses, size, last == null ? null : last.exchange(), evidence(t, halfLifeHours));
    }

    /** The hostile events that weigh most at {@code t}, heaviest first (equal weights: earliest first). */
    private List<Evidence> evidence(long t, double halfLifeHours) {
        List<Evidence> out = new ArrayList<>(EVIDENCE);
        Iterator<StoredEvent> it = top.iterator();
        while (out.size() < EVIDENCE && it.hasNext()) {
            WindowEvent e = it.next().event();
            double w = e.hostility() * Math.pow(2.0, -((t - e.at()) / MILLIS_PER_HOUR) / halfLifeHours);
            if (w > 0) {
                out.add(new Evidence(e.id(), Instant.ofEpochMilli(e.at()), e.forward() ? a : b, e.forward() ? b : a,
                        e.cameo(), e.fatalities(), TitForTat.round6(w), e.summary(), e.url()));
            }
        }
        return out;
    }

    // --- weights -------------------------------------------------------------------------------------------------

    private void addWeights(StoredEvent s, ScoreParameters p) {
        WindowEvent e = s.event();
        size++;
        oldestAt = Math.min(oldestAt, e.at());
        long period = p.halfLife().toMillis();
        long index = Math.floorDiv(e.at(), period);
        long h = fixed(e.hostility(), e.at() - index * period, period);
        long c = fixed(e.cooperation(), e.at() - index * period, period);
        if (h != 0 || c != 0) {
            long[] sums = buckets.computeIfAbsent(index, k -> new long[3]);
            sums[e.forward() ? 0 : 1] += h;
            sums[2] += c;
        }
        if (e.isHostile()) {
            hostile++;
            boolean topHoldsAll = top.size() == hostile - 1;
            if (topHoldsAll || (!top.isEmpty() && heavierFirst(s, top.get(top.size() - 1), p) < 0)) {
                insertTop(s, p); // the top few stay exactly the top few: nothing unseen outweighs the new one
            }
        }
    }

    private void removeWeights(StoredEvent s, ScoreParameters p) {
        WindowEvent e = s.event();
        size--;
        long period = p.halfLife().toMillis();
        long index = Math.floorDiv(e.at(), period);
        long h = fixed(e.hostility(), e.at() - index * period, period);
        long c = fixed(e.cooperation(), e.at() - index * period, period);
        if (h != 0 || c != 0) {
            long[] sums = buckets.computeIfAbsent(index, k -> new long[3]); // present unless the header lags its log
            sums[e.forward() ? 0 : 1] -= h;
            sums[2] -= c;
            if (sums[0] == 0 && sums[1] == 0 && sums[2] == 0) {
                buckets.remove(index);
            }
        }
        if (e.isHostile()) {
            hostile--;
            top.removeIf(x -> x.sameAs(s.at(), s.arrival()));
        }
    }

    /** A weight {@code w} at {@code offset} millis into its period, at the period's start, in fixed point. */
    private static long fixed(double w, long offset, long period) {
        if (w == 0) {
            return 0;
        }
        double halfLifeHours = period / MILLIS_PER_HOUR;
        return Math.round(w * Math.pow(2.0, (offset / MILLIS_PER_HOUR) / halfLifeHours) * FIXED_ONE);
    }

    // --- expiry --------------------------------------------------------------------------------------------------

    /** The window forgets what is at or before {@code cutoff}: the oldest events, read from the log in time order. */
    private void expire(long cutoff, ScoreParameters p) {
        if (oldestAt <= cutoff) {
            long next = Long.MAX_VALUE;
            try (WindowLog.Cursor<StoredEvent> it = log.events(oldestAt)) {
                while (it.hasNext()) {
                    StoredEvent s = it.next();
                    if (s.at() > cutoff) {
                        next = s.at();
                        break;
                    }
                    removeWeights(s, p);
                    goneEvents.add(s);
                }
            }
            for (StoredEvent s : newEvents) {
                next = Math.min(next, s.at()); // an event just taken in is never at or before the cutoff
            }
            oldestAt = next;
        }
        expireResponses(cutoff);
    }

    /** Responses stop counting once their provocation has left the window. */
    private void expireResponses(long cutoff) {
        if (oldestProvocation > cutoff) {
            return;
        }
        boolean lastGone = false;
        long next = Long.MAX_VALUE;
        try (WindowLog.Cursor<StoredResponse> it = log.responses(oldestProvocation)) {
            while (it.hasNext()) {
                StoredResponse r = it.next();
                if (r.provocationAt() > cutoff) {
                    next = r.provocationAt();
                    break;
                }
                goneResponses.add(r);
                responses--;
                lastGone |= r.sameAs(last);
            }
        }
        for (Iterator<StoredResponse> it = newResponses.iterator(); it.hasNext(); ) {
            StoredResponse r = it.next();
            if (r.provocationAt() <= cutoff) {
                it.remove();
                responses--;
                lastGone |= r.sameAs(last);
            } else {
                next = Math.min(next, r.provocationAt());
            }
        }
        oldestProvocation = next;
        if (lastGone) {
            last = latestResponseAfter(cutoff);
        }
    }

    /**
     * The latest remaining response, by a scan of the log. Rare: the latest response's provocation is the latest of
     * all provocations but for responses of one instant, so when it goes, nearly all have gone.
     */
    private StoredResponse latestResponseAfter(long cutoff) {
        StoredResponse latest = null;
        if (responses > 0) {
            try (WindowLog.Cursor<StoredResponse> it = log.responses(cutoff + 1)) {
                while (it.hasNext()) {
                    latest = later(latest, it.next(), cutoff);
                }
            }
            for (StoredResponse r : newResponses) {
                latest = later(latest, r, cutoff);
            }
        }
        return latest;
    }

    private static StoredResponse later(StoredResponse latest, StoredResponse r, long cutoff) {
        return r.provocationAt() > cutoff && (latest == null || StoredResponse.compare(latest, r) <= 0) ? r : latest;
    }

    // --- tit-for-tat ---------------------------------------------------------------------------------------------

    /**
     * Takes an event that orders after (or at the same instant as) every event taken before, for tit-for-tat;
     * returns the response it makes, or null.
     */
    private StoredResponse addTitForTat(StoredEvent s, ScoreParameters p) {
        WindowEvent e = s.event();
        if (e.at() > maxAt) {
            for (int d = 0; d < 2; d++) {
                if (atMax[d] != null) {
                    earlier[d] = atMax[d];
                    atMax[d] = null;
                }
            }
            maxAt = e.at();
        }
        if (!e.isHostile()) {
            return null;
        }
        int dir = e.forward() ? 0 : 1;
        Act provocation = earlier[1 - dir];
        StoredResponse response = null;
        if (provocation != null && e.at() - provocation.at() <= p.exchangeLag().toMillis()) {
            response = new StoredResponse(provocation.at(), e.at(), s.arrival(), new Exchange(provocation.id(), e.id(),
                    e.forward() ? a : b, e.forward() ? b : a,
                    TitForTat.round6((e.at() - provocation.at()) / MILLIS_PER_HOUR),
                    TitForTat.round6(e.hostility() / provocation.hostility())));
        }
        Act act = new Act(e.at(), e.id(), e.hostility(), s.arrival());
        if (atMax[dir] == null || compare(atMax[dir], act) <= 0) {
            atMax[dir] = act;
        }
        return response;
    }

    private void countResponse(StoredResponse r) {
        responses++;
        oldestProvocation = Math.min(oldestProvocation, r.provocationAt());
        if (last == null || StoredResponse.compare(last, r) <= 0) {
            last = r;
        }
    }

    private static int compare(Act x, Act y) {
        int c = Long.compare(x.at(), y.at());
        if (c == 0) {
            c = x.id().compareTo(y.id());
        }
        return c != 0 ? c : Long.compare(x.arrival(), y.arrival());
    }

    /**
     * Before anything else, rebuilds the window from its log when its header may not agree with it (see
     * {@link #restore(WindowHeader, WindowLog, boolean)}) or was computed under other settings (T, W or L changed
     * since): as of its last evaluation, which was at least as late as the latest event in the log.
     */
    private void reconcile(ScoreParameters p) {
        List<Long> settings = List.of(p.halfLife().toMillis(), p.window().toMillis(), p.exchangeLag().toMillis());
        if (suspect || (!scoredWith.isEmpty() && !scoredWith.equals(settings))) {
            try (WindowLog.Cursor<StoredEvent> it = log.events()) {
                while (it.hasNext()) {
                    long at = it.next().at();
                    lastEval = lastEval == null ? at : Math.max(lastEval, at);
                }
            }
            if (lastEval != null) {
                rebuild(lastEval - p.window().toMillis(), p, true);
                writeChanges();
            }
            suspect = false;
        }
        scoredWith = settings;
    }

    /**
     * The window again from all its events in order, as if they had come in order: after a hostile event older
     * than the newest. Writes only the responses that differ from those in the log.
     */
    private void rebuild(long cutoff, ScoreParameters p, boolean distrustHeader) {
        // a header that may be wrong does not say where the log begins: read all of it
        List<StoredEvent> all = new ArrayList<>(size + 1);
        try (WindowLog.Cursor<StoredEvent> it = log.events(distrustHeader ? Long.MIN_VALUE : oldestAt)) {
            it.forEachRemaining(all::add);
        }
        for (StoredEvent s : all) {
            arrivals = Math.max(arrivals, s.arrival() + 1); // numbers already in the log are never given again
        }
        all.addAll(newEvents);
        all.sort(StoredEvent::compare);
        long storedProvocations = distrustHeader ? Long.MIN_VALUE : oldestProvocation; // read before it is reset
        size = 0;
        hostile = 0;
        oldestAt = Long.MAX_VALUE;
        maxAt = Long.MIN_VALUE;
        buckets.clear();
        top.clear();
        Arrays.fill(earlier, null);
        Arrays.fill(atMax, null);
        responses = 0;
        oldestProvocation = Long.MAX_VALUE;
        last = null;
        List<StoredResponse> found = new ArrayList<>();
        for (StoredEvent s : all) {
            // every event takes part, so that each act answers what it answered when it came; a response to a
            // provocation at or before the cutoff no longer counts
            StoredResponse r = addTitForTat(s, p);
            if (r != null && r.provocationAt() > cutoff) {
                found.add(r);
            }
            if (s.at() <= cutoff) {
                goneEvents.add(s); // only stored ones: an event just taken in is never this old
            } else {
                addWeights(s, p);
            }
        }

        record Key(long provocationAt, long arrival) {
        }
        Map<Key, StoredResponse> stored = new HashMap<>();
        try (WindowLog.Cursor<StoredResponse> it = log.responses(storedProvocations)) {
            it.forEachRemaining(r -> stored.put(new Key(r.provocationAt(), r.arrival()), r));
        }
        newResponses.clear();
        for (StoredResponse r : found) {
            countResponse(r);
            if (!r.equals(stored.remove(new Key(r.provocationAt(), r.arrival())))) {
                newResponses.add(r);
            }
        }
        goneResponses.addAll(stored.values());
    }

    // --- evidence ------------------------------------------------------------------------------------------------

    /** Heaviest first: h·2^(at/T) orders events by decayed weight at any time; ties go to the earliest. */
    private static int heavierFirst(StoredEvent x, StoredEvent y, ScoreParameters p) {
        double halfLifeMillis = p.halfLife().toMillis();
        int c = Double.compare(rank(y.event(), halfLifeMillis), rank(x.event(), halfLifeMillis));
        return c != 0 ? c : StoredEvent.compare(x, y);
    }

    private static double rank(WindowEvent e, double halfLifeMillis) {
        // w(t) = h·2^(−(t − at)/T): log₂ w(t) + t/T = log₂ h + at/T, the same order at every t
        return Math.log(e.hostility()) / LN2 + e.at() / halfLifeMillis;
    }

    private void insertTop(StoredEvent s, ScoreParameters p) {
        int i = top.size();
        while (i > 0 && heavierFirst(s, top.get(i - 1), p) < 0) {
            i--;
        }
        top.add(i, s);
        if (top.size() > TOP) {
            top.remove(TOP);
        }
    }

    /** When expiry has left fewer of the heaviest than the evidence shows, finds them again in the log. */
    private void refillTop(long cutoff, ScoreParameters p) {
        if (top.size() >= Math.min(EVIDENCE, hostile)) {
            return;
        }
        top.clear();
        try (WindowLog.Cursor<StoredEvent> it = log.events(cutoff + 1)) {
            while (it.hasNext()) {
                StoredEvent s = it.next();
                if (s.at() > cutoff && s.event().isHostile()) {
                    insertTop(s, p);
                }
            }
        }
        for (StoredEvent s : newEvents) {
            if (s.event().isHostile()) {
                insertTop(s, p);
            }
        }
    }

    /** Hands this operation's changes to the log: the window never reads the log while it holds changes of its own. */
    private void writeChanges() {
        goneEvents.forEach(s -> log.deleteEvent(s.at(), s.arrival()));
        newEvents.forEach(log::put);
        goneResponses.forEach(r -> log.deleteResponse(r.provocationAt(), r.arrival()));
        newResponses.forEach(log::put);
        goneEvents.clear();
        newEvents.clear();
        goneResponses.clear();
        newResponses.clear();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
