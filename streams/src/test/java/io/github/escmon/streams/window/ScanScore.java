package io.github.escmon.streams.window;

import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SCORING.md §3–4 the plain way, as a test oracle: every sum by a scan of the window at {@code t}, as the
 * reference computes it. {@link DyadWindow} keeps its sums incrementally and must agree.
 */
final class ScanScore {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private ScanScore() {
    }

    /** @param events the window in {@link WindowEvent#ORDER}, after expiry (all at or before t, after t − W) */
    static DyadScore at(List<WindowEvent> events, long t, String a, String b, ScoreParameters p) {
        double halfLifeHours = p.halfLife().toMillis() / MILLIS_PER_HOUR;
        double hab = 0;
        double hba = 0;
        double coop = 0;
        int n = 0;
        List<double[]> weights = new ArrayList<>();
        List<WindowEvent> heaviest = new ArrayList<>();
        for (WindowEvent e : events) {
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
                int i = 0;
                while (i < heaviest.size() && weights.get(i)[0] >= h) {
                    i++;
                }
                if (i < 3) {
                    heaviest.add(i, e);
                    weights.add(i, new double[] {h});
                    if (heaviest.size() > 3) {
                        heaviest.remove(3);
                        weights.remove(3);
                    }
                }
            }
        }
        double total = hab + hba;
        double mutuality = total > 0 ? 2.0 * Math.min(hab, hba) / total : 0.0;
        double raw = Math.max(0.0, total * (1.0 + mutuality) - p.cooperationWeight() * coop);
        double score = 10.0 * (1.0 - Math.exp(-raw / p.scale()));
        TitForTat.Result tft = TitForTat.find(events, t, p.exchangeLag().toMillis(), a, b);
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < heaviest.size(); i++) {
            WindowEvent e = heaviest.get(i);
            evidence.add(new Evidence(e.id(), Instant.ofEpochMilli(e.at()), e.forward() ? a : b, e.forward() ? b : a,
                    e.cameo(), e.fatalities(), TitForTat.round6(weights.get(i)[0]), e.summary(), e.url()));
        }
        return new DyadScore(a + "-" + b, a, b, Instant.ofEpochMilli(t), DyadScore.TICK, null, score, raw, hab, hba,
                coop, mutuality, tft.exchanges(), n, tft.last(), evidence);
    }
}
