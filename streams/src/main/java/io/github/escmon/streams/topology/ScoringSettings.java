package io.github.escmon.streams.topology;

import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.TopicNames;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.window.ScoreParameters;

/** What the scoring topology is built from; {@code bounds} limit a replay ({@link ReplayBounds#NONE} when live). */
public record ScoringSettings(TopicNames topics, ScoreParameters params, IncidentValidator validator,
                              Outcome.Listener outcomes, ReplayBounds bounds) {

    public ScoringSettings(TopicNames topics, ScoreParameters params, IncidentValidator validator, Outcome.Listener outcomes) {
        this(topics, params, validator, outcomes, ReplayBounds.NONE);
    }

    public static ScoringSettings defaults() {
        return new ScoringSettings(TopicNames.defaults(), ScoreParameters.defaults(), IncidentValidator.standard(),
                Outcome.Listener.NONE);
    }
}
