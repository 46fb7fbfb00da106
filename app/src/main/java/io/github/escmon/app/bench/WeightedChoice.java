package io.github.escmon.app.bench;

import java.util.SplittableRandom;

/** Draws an index 0..n-1 with probability proportional to its weight (binary search over cumulative weights). */
final class WeightedChoice {

    private final double[] cumulative;

    WeightedChoice(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** Ranks 0..n-1, rank k with weight (k+1)^-s: a few ranks get most draws. */
    static WeightedChoice zipf(int n, double exponent) {
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = Math.pow(k + 1, -exponent);
        }
        return new WeightedChoice(weights);
    }

    int draw(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The probability of index {@code i}. */
    double share(int i) {
        double below = i == 0 ? 0 : cumulative[i - 1];
        return (cumulative[i] - below) / cumulative[cumulative.length - 1];
    }
}
