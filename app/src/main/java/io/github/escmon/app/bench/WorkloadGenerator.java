package io.github.escmon.app.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.escmon.events.Codebook;
import io.github.escmon.events.Dyad;
import io.github.escmon.events.Incident;
import io.github.escmon.events.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the records of a {@link WorkloadSpec}, deterministically: everything, from the actor codes to the
 * last fatality count, is drawn from one {@link SplittableRandom} seeded with the spec's seed. Ids follow GDELT
 * ({@code gdelt-} and a running event number). Incidents are built here rather than parsed, valid by
 * construction: three-letter codes, CAMEO codes from the table, past times (the unit tests validate them).
 */
public final class WorkloadGenerator implements Iterator<WorkloadRecord> {

    /** About where GDELT 2.0's GLOBALEVENTIDs stood in 2023. */
    static final long FIRST_EVENT_ID = 1_080_000_000L;
    /** Duplicates re-emit one of the last this many incidents: a batch or two back. */
    static final int RECENT = 1_024;
    private static final String[] REQUIRED = {"id", "occurredAt", "source", "target", "cameo"};
    private static final WorkloadRecord.Flaw[] FLAWS = WorkloadRecord.Flaw.values();

    private final WorkloadSpec spec;
    private final SplittableRandom random;
    private final Dyad[] dyads;
    private final WeightedChoice dyadRank;
    private final CameoMix cameos;
    private final Incident[] recent = new Incident[RECENT];
    private long freshCount;
    private long index;

    public WorkloadGenerator(WorkloadSpec spec, Codebook codebook, double hostileMaxGoldstein) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.dyads = drawDyads(random, drawActors(random, spec.actors()), spec.dyads());
        this.dyadRank = WeightedChoice.zipf(spec.dyads(), spec.zipfExponent());
        this.cameos = CameoMix.of(codebook, hostileMaxGoldstein);
    }

    /** The dyads, hottest first. */
    public List<Dyad> dyads() {
        return List.of(dyads);
    }

    /** The expected share of new incidents that go to the dyad of rank {@code k} (0: the hottest). */
    public double expectedShare(int k) {
        return dyadRank.share(k);
    }

    /** Records generated so far. */
    public long generated() {
        return index;
    }

    @Override
    public boolean hasNext() {
        return index < spec.events();
    }

    @Override
    public WorkloadRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the workload has " + spec.events() + " records");
        }
        Instant at = spec.batchTime(index);
        long eventId = FIRST_EVENT_ID + index;
        index++;
        double u = random.nextDouble();
        if (u < spec.invalidShare()) {
            return invalid(fresh(eventId, at));
        }
        if (u < spec.invalidShare() + spec.duplicateShare() && freshCount > 0) {
            Incident earlier = recent[random.nextInt((int) Math.min(freshCount, RECENT))];
            return new WorkloadRecord.Valid(new Incident(earlier.id(), at, earlier.source(), earlier.target(), earlier.cameo(),
                    null, earlier.fatalities(), 1.0, null, null, null), true);
        }
        Incident incident = fresh(eventId, at);
        recent[(int) (freshCount++ % RECENT)] = incident;
        return new WorkloadRecord.Valid(incident, false);
    }

    private Incident fresh(long eventId, Instant at) {
        Dyad dyad = dyads[dyadRank.draw(random)];
        boolean forward = random.nextBoolean();
        boolean hostile = random.nextDouble() < spec.hostileShare();
        String cameo = cameos.draw(hostile, random);
        int fatalities = hostile && random.nextDouble() < 0.12 ? 1 + (int) Math.min(99, -Math.log(1 - random.nextDouble()) * 2.5) : 0;
        return new Incident("gdelt-" + eventId, at, forward ? dyad.a() : dyad.b(), forward ? dyad.b() : dyad.a(), cameo,
                null, fatalities, 1.0, null, null, null);
    }

    private WorkloadRecord invalid(Incident base) {
        WorkloadRecord.Flaw flaw = FLAWS[random.nextInt(FLAWS.length)];
        ObjectNode json = Json.MAPPER.valueToTree(base);
        String line = switch (flaw) {
            case UNKNOWN_CAMEO -> json.put("cameo", "9" + random.nextInt(10) + random.nextInt(10)).toString();
            case MISSING_FIELD -> {
                json.remove(REQUIRED[random.nextInt(REQUIRED.length)]);
                yield json.toString();
            }
            case MALFORMED_JSON -> {
                String whole = json.toString();
                yield whole.substring(0, 1 + random.nextInt(whole.length() - 1));
            }
        };
        return new WorkloadRecord.Invalid(base.key(), base.occurredAt(), flaw, line);
    }

    private static List<String> drawActors(SplittableRandom random, int n) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < n) {
            codes.add("" + letter(random) + letter(random) + letter(random));
        }
        return new ArrayList<>(codes);
    }

    private static char letter(SplittableRandom random) {
        return (char) ('A' + random.nextInt(26));
    }

    private static Dyad[] drawDyads(SplittableRandom random, List<String> actors, int n) {
        Set<Dyad> pairs = new LinkedHashSet<>();
        while (pairs.size() < n) {
            String x = actors.get(random.nextInt(actors.size()));
            String y = actors.get(random.nextInt(actors.size()));
            if (!x.equals(y)) {
                pairs.add(Dyad.of(x, y));
            }
        }
        return pairs.toArray(Dyad[]::new);
    }
}
