package io.github.escmon.app.summary;

import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of a backtest or replay: per alert episode, first FIRING, peak level, peak score (the highest
 * score record of the episode) and when, RESOLVED time, and the most tit-for-tat exchanges its dyad's window
 * held during the episode. Built from the run's records.
 */
public final class RunSummary {

    private static final List<String> LEVELS = List.of("NONE", "WATCH", "WARNING", "CRITICAL");

    private final List<DyadEpisode> episodes;

    private RunSummary(List<DyadEpisode> episodes) {
        this.episodes = List.copyOf(episodes);
    }

    /** @param alerts and scores in canonical order (by time, then dyad) */
    public static RunSummary of(Iterable<Alert> alerts, Iterable<DyadScore> scores) {
        Map<String, Builder> open = new LinkedHashMap<>();
        List<Builder> all = new ArrayList<>();
        for (Alert a : alerts) {
            Builder b = open.get(a.alertId());
            if (b == null) {
                b = new Builder(a);
                open.put(a.alertId(), b);
                all.add(b);
            }
            b.add(a);
        }
        Map<String, List<Builder>> byDyad = new HashMap<>();
        all.forEach(b -> byDyad.computeIfAbsent(b.dyad, k -> new ArrayList<>()).add(b));
        for (DyadScore s : scores) {
            for (Builder b : byDyad.getOrDefault(s.dyad(), List.of())) {
                if (!s.at().isBefore(b.first.at()) && (b.resolved == null || !s.at().isAfter(b.resolved))) {
                    b.exchanges = Math.max(b.exchanges, s.exchanges());
                    if (s.score() > b.peakScore) {
                        b.peakScore = s.score();
                        b.peakAt = s.at();
                    }
                }
            }
        }
        return new RunSummary(all.stream().map(Builder::build)
                .sorted(Comparator.comparing(DyadEpisode::firstFiring).thenComparing(DyadEpisode::dyad)).toList());
    }

    public List<DyadEpisode> episodes() {
        return episodes;
    }

    /** A fixed-width table for terminals and summary files. */
    public String table() {
        if (episodes.isEmpty()) {
            return "No alerts.\n";
        }
        DateTimeFormatter t = DateTimeFormatter.ISO_INSTANT;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %-21s %-9s %6s %-21s %-21s %9s%n",
                "dyad", "first FIRING", "peak", "score", "peak at", "RESOLVED", "exchanges"));
        for (DyadEpisode e : episodes) {
            out.append(String.format(Locale.ROOT, "%-16s %-21s %-9s %6.2f %-21s %-21s %9d%n", e.dyad(),
                    t.format(e.firstFiring()), e.peakLevel(), e.peakScore(), t.format(e.peakAt()),
                    e.resolved() == null ? "(open)" : t.format(e.resolved()), e.exchanges()));
        }
        return out.toString();
    }

    private static final class Builder {
        private final String dyad;
        private final Alert first;
        private Alert peak;
        private java.time.Instant resolved;
        private int exchanges;
        private double peakScore;
        private java.time.Instant peakAt;

        Builder(Alert first) {
            this.dyad = first.dyad();
            this.first = first;
            this.peak = first;
            this.peakScore = first.score();
            this.peakAt = first.at();
        }

        void add(Alert a) {
            if (Alert.RESOLVED.equals(a.status())) {
                resolved = a.at();
            } else if (LEVELS.indexOf(a.level()) > LEVELS.indexOf(peak.level())) {
                peak = a;
            }
            if (a.score() > peakScore) {
                peakScore = a.score();
                peakAt = a.at();
            }
        }

        DyadEpisode build() {
            return new DyadEpisode(dyad, first.alertId(), first.at(), peak.level(), peakScore, peakAt, resolved, exchanges);
        }
    }
}
