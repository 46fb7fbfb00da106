package io.github.escmon.streams.topology;

import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.window.ScoreParameters;

/** What the scoring topology is built from. */
public record ScoringSettings(TopicNames topics, ScoreParameters params, IncidentValidator validator,
                              Outcome.Listener outcomes) {

    public static ScoringSettings defaults() {
        return new ScoringSettings(TopicNames.defaults(), ScoreParameters.defaults(), IncidentValidator.standard(),
                Outcome.Listener.NONE);
    }
}
