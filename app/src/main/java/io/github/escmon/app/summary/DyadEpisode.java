package io.github.escmon.app.summary;

import java.time.Instant;

/**
 * One alert episode of a dyad, from its first FIRING to its RESOLVED (null while still open at the end of the
 * run), with its peak and how many tit-for-tat exchanges its window held at most.
 */
public record DyadEpisode(String dyad, String alertId, Instant firstFiring, String peakLevel, double peakScore,
                          Instant peakAt, Instant resolved, int exchanges) {
}
