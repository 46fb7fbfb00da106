package io.github.escmon.app.bench;

import java.util.List;

/**
 * Everything one {@code escmon bench} measured, as written to {@code --json}.
 *
 * @param cluster  {@code embedded} or the bootstrap servers
 * @param latency  null when skipped
 * @param stopped  true when Ctrl-C cut the run short (the phases list what completed)
 */
public record BenchResult(String escmonVersion, String cluster, int partitions, int cores, long maxHeapBytes,
                          String java, WorkloadSpec workload, int repeat, boolean warmup, List<PhaseResult> phases,
                          LatencyResult latency, boolean stopped) {
}
