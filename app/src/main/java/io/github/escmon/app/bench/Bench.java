package io.github.escmon.app.bench;

import io.github.escmon.events.Causes;
import io.github.escmon.streams.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bench, phase by phase: the producer alone (whose first run writes the input topic every later phase
 * re-reads), the pass-through ceiling, the monitor under exactly-once and at-least-once, each as a ratio of the
 * ceiling, then alert latency under a steady load.
 */
final class Bench {

    static final String EXACTLY_ONCE = "exactly_once_v2";
    static final String AT_LEAST_ONCE = "at_least_once";

    private Bench() {
    }

    /** @param cluster {@code embedded} or the bootstrap servers, for the report */
    static BenchResult run(BenchContext ctx, String cluster, String version) {
        BenchSettings s = ctx.settings();
        String input = ctx.name("incidents");
        List<PhaseResult> phases = new ArrayList<>();
        LatencyResult latency = null;
        boolean stopped = false;
        try {
            ctx.say("%,d events (seed %d, %,d per 15-minute batch: %s of event time from %s), %d partitions, %s",
                    s.workload().events(), s.workload().seed(), s.workload().eventsPerBatch(), s.workload().spanText(),
                    s.workload().start(), s.partitions(), cluster);
            PhaseResult producer = PhaseRunner.measure(ctx, "producer", "producer (IncidentPublisher)", (label, i) -> {
                String topic = i == 0 ? input : ctx.name("produce-" + i);
                try {
                    return ProducerRun.run(ctx, topic);
                } finally {
                    if (i > 0) {
                        deleteTopic(ctx, topic);
                    }
                }
            });
            phases.add(producer);
            if (producer.error() != null && producer.error().startsWith(s.warmup() ? "warm-up" : "run 1/")) {
                ctx.say("the input topic is incomplete: no further phases");
            } else {
                phases.add(PhaseRunner.measure(ctx, "ceiling", "ceiling: pass-through, " + EXACTLY_ONCE, (label, i) ->
                        StreamsRun.run(ctx, input, "ceiling-" + i, EXACTLY_ONCE, Ceiling::new,
                                app -> Map.of("invalid", ((Ceiling) app).outcomes().get(Outcome.INVALID)))));
                phases.add(monitor(ctx, input, "monitor-eos", EXACTLY_ONCE));
                phases.add(monitor(ctx, input, "monitor-alos", AT_LEAST_ONCE));
                if (s.latencySeconds() > 0) {
                    latency = latency(ctx);
                }
            }
        } catch (BenchStopped e) {
            stopped = true;
            ctx.say("stopped by Ctrl-C; cleaning up");
        } finally {
            deleteTopic(ctx, input);
        }
        return new BenchResult(version, cluster, s.partitions(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(), Runtime.version().toString(), s.workload(), s.repeat(), s.warmup(),
                withRatios(phases), latency, stopped);
    }

    private static PhaseResult monitor(BenchContext ctx, String input, String name, String guarantee) {
        return PhaseRunner.measure(ctx, name, "monitor, " + guarantee, (label, i) -> {
            PhaseRunner.Run run = StreamsRun.run(ctx, input, name + "-" + i, guarantee, MonitorApp::new,
                    app -> outcomes((MonitorApp) app));
            long counted = run.outcomes().values().stream().mapToLong(Long::longValue).sum();
            if (counted != ctx.settings().workload().events()) {
                ctx.say("%s %s: outcomes add up to %,d, not the %,d records published %s", name, label, counted,
                        ctx.settings().workload().events(), run.outcomes());
            }
            return run;
        });
    }

    private static Map<String, Long> outcomes(MonitorApp app) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o.name().toLowerCase(Locale.ROOT), app.outcomes().get(o));
        }
        return counts;
    }

    private static LatencyResult latency(BenchContext ctx) {
        ctx.checkStop();
        try {
            LatencyResult result = LatencyPhase.run(ctx);
            ctx.say("latency: %,d alerts, p50 %s ms, p99 %s ms, max %s ms%s", result.alerts(), result.p50Millis(),
                    result.p99Millis(), result.maxMillis(), result.error() == null ? "" : "; " + result.error());
            return result;
        } catch (BenchStopped stop) {
            throw stop;
        } catch (Exception e) {
            ctx.say("latency FAILED: %s", Causes.message(e));
            BenchSettings s = ctx.settings();
            return LatencyResult.failed(s.latencyRate(), s.latencySeconds(), Causes.message(e));
        }
    }

    private static List<PhaseResult> withRatios(List<PhaseResult> phases) {
        Throughput ceiling = phases.stream().filter(p -> p.name().equals("ceiling")).findFirst()
                .map(PhaseResult::throughput).orElse(null);
        return phases.stream().map(p -> p.withRatio(ceiling == null || p.throughput() == null ? null
                : p.throughput().median() / ceiling.median())).toList();
    }

    private static void deleteTopic(BenchContext ctx, String topic) {
        try {
            var admin = ctx.cluster().admin();
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            ctx.say("could not delete topic %s: %s", topic, Causes.message(e));
        }
    }
}
