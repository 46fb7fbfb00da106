package io.github.escmon.app.bench;

import java.time.Duration;

/**
 * How a bench runs.
 *
 * @param repeat         measured runs per throughput phase
 * @param warmup         whether each phase first makes one run that is not counted
 * @param latencyRate    records per second published in the latency phase
 * @param latencySeconds how long the latency phase publishes; 0 skips it
 * @param runTimeout     a run that takes longer fails its phase
 */
record BenchSettings(WorkloadSpec workload, int repeat, boolean warmup, int partitions, double latencyRate,
                     int latencySeconds, Duration runTimeout) {

    BenchSettings {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
        }
        if (workload.events() < 1) {
            throw new IllegalArgumentException("--events must be at least 1, got " + workload.events());
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
        if (latencySeconds < 0) {
            throw new IllegalArgumentException("--latency-seconds must be >= 0, got " + latencySeconds);
        }
        if (latencySeconds > 0 && !(latencyRate > 0)) {
            throw new IllegalArgumentException("--latency-rate must be positive, got " + latencyRate);
        }
    }

    /** Runs per throughput phase, the warm-up included. */
    int runs() {
        return repeat + (warmup ? 1 : 0);
    }
}
