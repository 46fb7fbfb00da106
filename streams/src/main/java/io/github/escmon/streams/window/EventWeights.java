package io.github.escmon.streams.window;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.Incident;

/** Per-event weights of SCORING.md §2: hostility h and cooperation c. */
public final class EventWeights {

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
                incident.cameo(), incident.fatalities(), incident.summary(), incident.url());
    }
}
