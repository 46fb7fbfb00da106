package io.github.escmon.streams.window;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.Incident;

/** Per-event weights of SCORING.md §2: hostility h and cooperation c. */
public final class EventWeights {

    /**
     * Evidence texts a window keeps, at most: a score record carries three events' evidence and an alert its score's,
     * and Kafka refuses records over 1 MB, so valid incidents with 400 KB summaries would otherwise stop the monitor.
     */
    public static final int MAX_SUMMARY = 1_000;
    /** Longer URLs are dropped from the evidence rather than cut (a cut URL is a broken link). */
    public static final int MAX_URL = 2_048;

    private final Codebook codebook;
    private final ScoreParameters params;

    public EventWeights(Codebook codebook, ScoreParameters params) {
        this.codebook = codebook;
        this.params = params;
    }

    /** G: the explicit weight, else the CAMEO table's (validation guarantees one of them). */
    public double goldstein(Incident incident) {
        if (incident.goldstein() != null) {
            return incident.goldstein();
        }
        return codebook.goldstein(incident.cameo()).orElseThrow(
                () -> new IllegalArgumentException("unknown CAMEO code " + incident.cameo()));
    }

    public double hostility(Incident incident) {
        double g = goldstein(incident);
        double base = g <= params.hostileMaxGoldstein() ? -g : 0.0;
        return base * (1.0 + params.fatalityWeight() * Math.log1p(incident.fatalities())) * incident.confidence();
    }

    public double cooperation(Incident incident) {
        double g = goldstein(incident);
        return (g > 0 ? g : 0.0) * incident.confidence();
    }

    /** The incident as its dyad's window keeps it. */
    public WindowEvent toWindowEvent(Incident incident) {
        return new WindowEvent(incident.id(), incident.occurredAt().toEpochMilli(),
                incident.dyad().isForward(incident.source()), hostility(incident), cooperation(incident),
                incident.cameo(), incident.fatalities(), cut(incident.summary()),
                incident.url() == null || incident.url().length() > MAX_URL ? null : incident.url());
    }

    /** At most {@link #MAX_SUMMARY} code points, an ellipsis after a cut. */
    static String cut(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= MAX_SUMMARY) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_SUMMARY)) + "…";
    }
}
