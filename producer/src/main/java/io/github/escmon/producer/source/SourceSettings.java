package io.github.escmon.producer.source;

import io.github.escmon.events.IncidentValidator;

/**
 * What readers of every format need.
 *
 * @param validator validates the incidents a row becomes (the same rules as on the topic)
 * @param actorLevel for GDELT: whether a dyad's actors are countries ({@code IRN}) or full actor codes ({@code IRNMIL})
 */
public record SourceSettings(IncidentValidator validator, ActorLevel actorLevel) {

    /** How finely GDELT actors are told apart. */
    public enum ActorLevel {
        /** Actor1/2CountryCode, else KnownGroupCode */
        COUNTRY,
        /** the full Actor1/2Code (country + role, e.g. IRNMIL), else KnownGroupCode */
        ACTOR
    }

    public static SourceSettings of(IncidentValidator validator) {
        return new SourceSettings(validator, ActorLevel.COUNTRY);
    }
}
