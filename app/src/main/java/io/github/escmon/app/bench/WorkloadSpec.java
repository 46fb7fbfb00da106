package io.github.escmon.app.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@link WorkloadGenerator} generates: GDELT-shaped incidents in 15-minute batches over a fixed set of
 * dyads, the hottest few drawing most events (Zipf), with some duplicates and invalid records mixed in.
 *
 * @param seed           the same seed gives the same records, byte for byte
 * @param events         records to generate, duplicates and invalid ones included
 * @param eventsPerBatch records sharing one {@code occurredAt} (GDELT 2.0's DATEADDED); 856 makes 30M a year
 * @param actors         distinct three-letter actor codes
 * @param dyads          distinct actor pairs, ranked by how often they appear
 * @param zipfExponent   s: the dyad of rank k is drawn with weight k^-s
 * @param start          the first batch's time
 * @param hostileShare   share of new incidents with a hostile CAMEO code (Goldstein at or below the threshold)
 * @param duplicateShare share of records re-emitting the id (and content) of a recent incident
 * @param invalidShare   share of records the monitor must dead-letter (unknown CAMEO code, missing field, bad JSON)
 */
public record WorkloadSpec(long seed, long events, int eventsPerBatch, int actors, int dyads, double zipfExponent,
                           Instant start, double hostileShare, double duplicateShare, double invalidShare) {

    /** GDELT 2.0 publishes an export every 15 minutes. */
    public static final Duration BATCH = Duration.ofMinutes(15);
    public static final int EVENTS_PER_BATCH = 856;
    public static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final int MAX_ACTORS = 26 * 26 * 26;

    public WorkloadSpec {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, got " + events);
        }
        if (eventsPerBatch < 1) {
            throw new IllegalArgumentException("events per batch must be >= 1, got " + eventsPerBatch);
        }
        if (actors < 2 || actors > MAX_ACTORS) {
            throw new IllegalArgumentException("actors must be 2-" + MAX_ACTORS + " (three-letter codes), got " + actors);
        }
        long pairs = (long) actors * (actors - 1) / 2;
        if (dyads < 1 || dyads > pairs) {
            throw new IllegalArgumentException("dyads must be 1-" + pairs + " for " + actors + " actors, got " + dyads);
        }
        if (!(zipfExponent >= 0)) {
            throw new IllegalArgumentException("the Zipf exponent must be >= 0, got " + zipfExponent);
        }
        requireShare("hostile share", hostileShare);
        requireShare("duplicate share", duplicateShare);
        requireShare("invalid share", invalidShare);
        if (duplicateShare + invalidShare > 1) {
            throw new IllegalArgumentException("duplicate and invalid shares add up to more than 1");
        }
    }

    /** The bench's workload: 150 actors, 5,000 dyads, Zipf 1.1, 15 % hostile, 1 % duplicates, 0.5 % invalid. */
    public static WorkloadSpec standard(long seed, long events) {
        return new WorkloadSpec(seed, events, EVENTS_PER_BATCH, 150, 5_000, 1.1, START, 0.15, 0.01, 0.005);
    }

    public WorkloadSpec withEvents(long n) {
        return new WorkloadSpec(seed, n, eventsPerBatch, actors, dyads, zipfExponent, start, hostileShare,
                duplicateShare, invalidShare);
    }

    public WorkloadSpec withEventsPerBatch(int n) {
        return new WorkloadSpec(seed, events, n, actors, dyads, zipfExponent, start, hostileShare,
                duplicateShare, invalidShare);
    }

    /** The time of the batch that record {@code index} (0-based) belongs to. */
    public Instant batchTime(long index) {
        return start.plus(BATCH.multipliedBy(index / eventsPerBatch));
    }

    /** How much event time the workload spans, first batch to last. */
    public Duration span() {
        return events == 0 ? Duration.ZERO : BATCH.multipliedBy((events - 1) / eventsPerBatch);
    }

    /** The span in days, for people ({@code 12.2 days}). */
    public String spanText() {
        return String.format(java.util.Locale.ROOT, "%.1f days", span().toMinutes() / 1440.0);
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + share);
        }
    }
}
