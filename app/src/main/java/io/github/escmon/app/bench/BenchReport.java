package io.github.escmon.app.bench;

import io.github.escmon.events.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The bench's results as a table for people (stdout) and as JSON for tools ({@code --json}). */
final class BenchReport {

    private static final String ROW = "%-40s %12s  %-21s %6s %10s %10s %12s%n";

    private BenchReport() {
    }

    static String table(BenchResult r) {
        StringBuilder out = new StringBuilder();
        WorkloadSpec w = r.workload();
        out.append(String.format(Locale.ROOT, "escmon bench: %,d events (seed %d), %d partitions, %s broker, %s%s%n",
                w.events(), w.seed(), r.partitions(), r.cluster(),
                r.repeat() + (r.repeat() == 1 ? " run" : " runs") + " per phase" + (r.warmup() ? " after a warm-up" : ""),
                r.stopped() ? " (STOPPED early by Ctrl-C)" : ""));
        out.append(String.format(Locale.ROOT, ROW, "phase", "events/s", "spread (min-max)", "ratio", "peak heap",
                "peak RSS", "state/1M ev"));
        for (PhaseResult p : r.phases()) {
            Throughput t = p.throughput();
            out.append(String.format(Locale.ROOT, ROW, p.description(),
                    t == null ? "FAILED" : String.format(Locale.ROOT, "%,.0f", t.median()),
                    t == null ? "-" : String.format(Locale.ROOT, "%,.0f-%,.0f", t.min(), t.max()),
                    p.ratioToCeiling() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.ratioToCeiling()),
                    t == null ? "-" : mib(p.peakHeapBytes()), t == null ? "-" : mib(p.peakRssBytes()),
                    p.name().equals("producer") || p.throughput() == null ? "-" : mib((long) p.stateBytesPerMillionEvents())));
        }
        for (PhaseResult p : r.phases()) {
            if (p.error() != null) {
                out.append(String.format(Locale.ROOT, "%s: %s%n", p.name(), p.error()));
            }
        }
        written(r, out);
        LatencyResult l = r.latency();
        if (l != null) {
            out.append(String.format(Locale.ROOT, "alert latency at %,.0f events/s for %d s%s (%,d published): %,d alerts",
                    l.ratePerSecond(), l.seconds(), l.warmupSeconds() == 0 ? "" : " after a " + l.warmupSeconds() + " s warm-up",
                    l.published(), l.alerts()));
            if (l.p50Millis() != null) {
                out.append(String.format(Locale.ROOT, ", p50 %,d ms, p99 %,d ms, max %,d ms", l.p50Millis(), l.p99Millis(), l.maxMillis()));
            }
            if (l.sinkP50Millis() != null) {
                out.append(String.format(Locale.ROOT, " (to the sink, before the commit: p50 %,d ms, p99 %,d ms, max %,d ms)",
                        l.sinkP50Millis(), l.sinkP99Millis(), l.sinkMaxMillis()));
            }
            if (l.backlog() > 0) {
                out.append(String.format(Locale.ROOT, ", backlog %,d records", l.backlog()));
            }
            out.append(System.lineSeparator());
            if (l.error() != null) {
                out.append("latency: ").append(l.error()).append(System.lineSeparator());
            }
        }
        out.append("Peak heap and RSS are of the whole process (embedded broker and producer included) during the phase's runs;")
                .append(System.lineSeparator())
                .append("heap sums the heap pools' peaks, and RSS starts from what the JVM already holds (it seldom returns memory).")
                .append(System.lineSeparator());
        return out.toString();
    }

    /** Per Kafka Streams phase, what its last run wrote per input event, in all and per topic. */
    private static void written(BenchResult r, StringBuilder out) {
        List<PhaseResult> phases = r.phases().stream().filter(p -> !p.written().isEmpty()).toList();
        if (phases.isEmpty()) {
            return;
        }
        out.append("written to Kafka per input event (records, bytes on disk): in all, then per output topic and changelog").append(System.lineSeparator());
        for (PhaseResult p : phases) {
            long events = p.events();
            long records = p.written().stream().mapToLong(Written::records).sum();
            long bytes = p.written().stream().mapToLong(Written::bytes).sum();
            String parts = p.written().stream().filter(w -> w.records() > 0)
                    .map(w -> String.format(Locale.ROOT, "%s %.2f (%,.0f B)", w.topic(), w.recordsPer(events), w.bytesPer(events)))
                    .collect(Collectors.joining(", "));
            out.append(String.format(Locale.ROOT, "  %-38s %5.2f records %,7.0f B: %s%n", p.description(),
                    (double) records / events, (double) bytes / events, parts));
        }
    }

    static void writeJson(BenchResult r, Path file) throws IOException {
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), r);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
