package io.github.escmon.app.bench;

import io.github.escmon.app.Version;
import io.github.escmon.app.cli.KafkaOptions;
import io.github.escmon.app.cli.RunTopics;
import io.github.escmon.app.cli.ShutdownSignal;
import io.github.escmon.app.config.Durations;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.events.Codebook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure throughput, alert latency, memory and state size on a generated GDELT-like workload.",
                "",
                "In one process, on one broker (embedded unless --bootstrap-servers is given), on fresh topics of its own:",
                "- producer: the workload through the incident publisher into the input topic (events/s);",
                "- ceiling: a pass-through Kafka Streams application under exactly_once_v2 (the monitor's serde and timestamp extractor, one output per input): what Kafka Streams alone allows;",
                "- monitor: the real monitor under exactly_once_v2 and under at_least_once, each run with a fresh application id and state directory, timed until its committed offsets reach the input's end;",
                "- ratio: each phase's median over the ceiling's;",
                "- latency: the monitor running while the workload is published at a steady rate; for each alert, when a read_committed consumer read it minus when the producer sent its cause (header escmon.produced-at): p50, p99, max, after a 10 s warm-up at the same rate whose alerts are not counted; also when each alert went to its sink, before its commit;",
                "- memory and state: peak heap and RSS of the process per phase, Kafka Streams state on disk per million events.",
                "",
                "The workload is seeded (the same seed gives the same records): about 5,000 dyads over 150 actors, Zipf-skewed (exponent 1.1), in 15-minute batches from 2023-01-01, ~15%% hostile, ~1%% duplicates, ~0.5%% invalid. It is published once and re-read by every streams phase. Each throughput phase makes one warm-up run (discarded), then --repeat runs; the table shows their median and min-max spread.",
                "",
                "Progress goes to stderr, the table to stdout. Exit code 0 when every phase completed, 1 when one failed (the table says why), 130 after Ctrl-C."})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000",
            description = "Records in the workload, duplicates and invalid ones included (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the workload (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--events-per-batch", paramLabel = "N", defaultValue = "" + WorkloadSpec.EVENTS_PER_BATCH,
            description = "Records per 15-minute batch, all with the batch's time (default: ${DEFAULT-VALUE}: 30 million make a year).")
    int eventsPerBatch;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Measured runs per throughput phase (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Make one uncounted warm-up run before each throughput phase's measured runs, and publish 10 s of the latency phase's load before its measured seconds (default: on; --no-warmup skips both).")
    boolean warmup;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of every topic the bench creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--latency-rate", paramLabel = "EVENTS_PER_S", defaultValue = "5000",
            description = "Steady publishing rate of the latency phase (default: ${DEFAULT-VALUE}).")
    double latencyRate;

    @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "60",
            description = "How long the latency phase publishes (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--skip-latency", description = "Leave out the latency phase.")
    boolean skipLatency;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "A run that commits nothing for this long fails its phase (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results here as JSON (settings, workload, every run's rate, memory, state, outcomes, latency).")
    Path json;

    @Option(names = "--workload-out", paramLabel = "FILE",
            description = "Only write the workload to FILE as JSON Lines (for 'escmon produce' or 'backtest') and exit; no Kafka needed.")
    Path workloadOut;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        WorkloadSpec workload = WorkloadSpec.standard(seed, events).withEventsPerBatch(eventsPerBatch);
        EscmonConfig base = kafka.config(Map.of("topics.partitions", Integer.toString(partitions)));
        if (workloadOut != null) {
            long n = WorkloadFile.write(new WorkloadGenerator(workload, Codebook.standard(),
                    base.scoreParameters().hostileMaxGoldstein()), workloadOut);
            System.out.printf("Wrote %,d records to %s (%s of event time from %s)%n", n, workloadOut, workload.spanText(), workload.start());
            return 0;
        }
        BenchSettings settings = new BenchSettings(workload, repeat, warmup, partitions, latencyRate,
                skipLatency ? 0 : latencySeconds, Durations.parse("--timeout", timeout));
        // the workload's invalid records are there on purpose, and the dead-letter topic holds each one's reason:
        // Kafka Streams' warning with a stack trace per record would bury the progress lines
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.streams.processor.internals.RecordDeserializer", "error");
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Path workDir = Files.createTempDirectory("escmon-bench-" + runId);
        BenchResult result;
        try (ShutdownSignal signal = new ShutdownSignal()) {
            // the scratch directory goes before the signal closes: after Ctrl-C the JVM exits once it has
            try (Cluster cluster = kafka.hasCluster(base) ? Cluster.external(base) : Cluster.embedded(base, null, 0)) {
                BenchContext ctx = new BenchContext(cluster, cluster.config(), settings, runId, workDir, signal::isRequested, System.err);
                result = Bench.run(ctx, cluster.isEmbedded() ? "embedded" : cluster.bootstrapServers(), new Version().getVersion()[0]);
                System.out.print(BenchReport.table(result));
                if (json != null) {
                    BenchReport.writeJson(result, json);
                }
            } finally {
                RunTopics.deleteDirectory(workDir);
            }
        }
        if (result.stopped()) {
            return 130;
        }
        boolean failed = result.phases().stream().anyMatch(p -> p.error() != null)
                || (result.latency() != null && result.latency().error() != null);
        return failed ? 1 : 0;
    }
}
