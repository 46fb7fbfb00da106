package io.github.escmon.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An event that drove a score, as evidence for people reading an alert.
 *
 * @param weight the event's hostility h × decay at the evaluation time (its share of H_ab + H_ba)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String id, Instant occurredAt, String source, String target, String cameo, int fatalities,
                       double weight, String summary, String url) {
}
