package io.github.escmon.app.bench;

import io.github.escmon.events.Codebook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws CAMEO event codes (three and four digits, as GDELT's EventCode) from the project's Goldstein table: a
 * hostile one (Goldstein at or below the threshold) or another, each pool weighted by how often its root codes
 * occur in GDELT (consultations and statements lead; among hostile roots, coercion, assaults and fights), codes
 * of one root equally likely.
 */
final class CameoMix {

    /** Approximate shares (per cent) of GDELT 2.0 events by EventRootCode. */
    private static final Map<String, Double> ROOT_WEIGHTS = rootWeights();

    private final Pool hostile;
    private final Pool other;

    private CameoMix(Pool hostile, Pool other) {
        this.hostile = hostile;
        this.other = other;
    }

    static CameoMix of(Codebook codebook, double hostileMaxGoldstein) {
        Map<String, List<String>> hostileByRoot = new TreeMap<>();
        Map<String, List<String>> otherByRoot = new TreeMap<>();
        codebook.entries().forEach((code, goldstein) -> {
            if (code.length() >= 3) {
                var byRoot = goldstein <= hostileMaxGoldstein ? hostileByRoot : otherByRoot;
                byRoot.computeIfAbsent(code.substring(0, 2), r -> new ArrayList<>()).add(code);
            }
        });
        return new CameoMix(Pool.of(hostileByRoot), Pool.of(otherByRoot));
    }

    String draw(boolean hostileCode, SplittableRandom random) {
        return (hostileCode ? hostile : other).draw(random);
    }

    private record Pool(String[] codes, WeightedChoice choice) {

        static Pool of(Map<String, List<String>> byRoot) {
            List<String> codes = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            byRoot.forEach((root, rootCodes) -> {
                double each = ROOT_WEIGHTS.getOrDefault(root, 0.5) / rootCodes.size();
                for (String code : rootCodes) {
                    codes.add(code);
                    weights.add(each);
                }
            });
            if (codes.isEmpty()) {
                throw new IllegalStateException("the CAMEO table has no codes on one side of the hostility threshold");
            }
            return new Pool(codes.toArray(String[]::new), new WeightedChoice(weights.stream().mapToDouble(Double::doubleValue).toArray()));
        }

        String draw(SplittableRandom random) {
            return codes[choice.draw(random)];
        }
    }

    private static Map<String, Double> rootWeights() {
        Map<String, Double> w = new TreeMap<>();
        w.put("01", 19.0);
        w.put("02", 6.0);
        w.put("03", 6.0);
        w.put("04", 22.0);
        w.put("05", 8.0);
        w.put("06", 2.5);
        w.put("07", 2.5);
        w.put("08", 2.0);
        w.put("09", 2.0);
        w.put("10", 2.0);
        w.put("11", 5.0);
        w.put("12", 2.5);
        w.put("13", 2.0);
        w.put("14", 2.0);
        w.put("15", 0.7);
        w.put("16", 1.5);
        w.put("17", 4.0);
        w.put("18", 3.0);
        w.put("19", 4.5);
        w.put("20", 0.1);
        return Map.copyOf(w);
    }
}
