package io.github.escmon.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One directed event between two actors, in the native schema of SCORING.md §1. Built only through
 * {@link IncidentValidator}, so an {@code Incident} is always valid.
 *
 * @param goldstein  the explicit weight, or null to take it from the CAMEO table
 * @param location   free-form evidence (object), carried through; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Incident(
        String id,
        Instant occurredAt,
        String source,
        String target,
        String cameo,
        Double goldstein,
        int fatalities,
        double confidence,
        String summary,
        String url,
        JsonNode location) implements TimelineRecord {

    @Override
    public Instant time() {
        return occurredAt;
    }

    /** An event whose source is its target: counted, never scored. */
    @JsonIgnore
    public boolean isDomestic() {
        return source.equals(target);
    }

    /** The dyad of a non-domestic incident. */
    public Dyad dyad() {
        return Dyad.of(source, target);
    }

    /** The Kafka key: the dyad, or {@code SRC-SRC} for a domestic event (which has no dyad). */
    public String key() {
        return isDomestic() ? source + "-" + target : dyad().key();
    }
}
