package io.github.escmon.app.bench;

import java.util.List;

/** Events per second of a phase's measured runs (warm-up excluded): the median and the spread. */
public record Throughput(double median, double min, double max, List<Double> runs) {

    public static Throughput of(List<Double> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        List<Double> sorted = runs.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Throughput(median, sorted.get(0), sorted.get(n - 1), List.copyOf(runs));
    }
}
