package io.github.escmon.app.bench;

import io.github.escmon.app.cli.RunTopics;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.events.Causes;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.app.monitor.MonitorObserver;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.topology.ReplayBounds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Alert latency under a steady load: the monitor runs on topics of its own while the workload is published at a
 * fixed rate; a read_committed consumer of the alert topic measures each alert against its cause's
 * {@code escmon.produced-at}. When publishing ends the monitor gets a while to catch up; what it has not
 * committed by then is reported as backlog (a monitor slower than the rate shows up there and in the latencies).
 *
 * <p>With warm-up on, the first {@link #WARMUP_SECONDS} seconds of the load are published and processed like the
 * rest but their alerts are not counted: a fresh JVM's first seconds of a monitor (classes loading, code not yet
 * compiled, first assignment and transactions) delay its alerts by up to two seconds, which says nothing about a
 * monitor that has been running. Their figures are reported apart. The monitor also reports when each alert went
 * to its sink (processed), so that the time to process and the time to commit show separately.
 */
final class LatencyPhase {

    /** How long the steady load runs, uncounted, before the measured seconds (with warm-up on). */
    static final int WARMUP_SECONDS = 10;

    private LatencyPhase() {
    }

    static LatencyResult run(BenchContext ctx) throws Exception {
        BenchSettings s = ctx.settings();
        String tag = "latency";
        String applicationId = ctx.name(tag);
        Path state = ctx.workDir().resolve(tag);
        TopicNames topics = TopicNames.defaults().withSuffix(ctx.name(tag));
        EscmonConfig config = ctx.config().with(Map.of("application.id", applicationId, "state.dir", state.toString(),
                "topics.incidents", topics.incidents(), "topics.dead-letter", topics.deadLetter(),
                "topics.scores", topics.scores(), "topics.alerts", topics.alerts()));
        int warmup = s.warmup() ? WARMUP_SECONDS : 0;
        long events = Math.round(s.latencyRate() * (warmup + s.latencySeconds()));
        Duration catchUp = Duration.ofSeconds(Math.max(30, s.latencySeconds()));
        var admin = ctx.cluster().admin();
        ctx.createTopics(List.of(topics.incidents(), topics.deadLetter(), topics.scores(), topics.alerts()));
        WorkloadPublisher.Sent sent = new WorkloadPublisher.Sent(0, 0, 0, 0);
        long backlog = 0;
        String error = null;
        AlertLatency alerts = new AlertLatency(ctx.cluster().clientProperties(), topics.alerts()).start();
        List<long[]> processed = Collections.synchronizedList(new ArrayList<>());
        MonitorObserver sinks = new MonitorObserver() {
            @Override
            public void count(Outcome outcome) {
            }

            @Override
            public void score(DyadScore score, int partition) {
            }

            @Override
            public void alert(Alert alert, Long producedAt) {
                if (producedAt != null) {
                    processed.add(new long[] {producedAt, System.currentTimeMillis() - producedAt});
                }
            }
        };
        long measureFrom = Long.MAX_VALUE;
        try (Monitor monitor = new Monitor(config, ReplayBounds.NONE, sinks).start(s.runTimeout());
             var publisher = new IncidentPublisher(ctx.cluster().clientProperties(), topics.incidents(),
                     config.scoreParameters().tick())) {
            ctx.say("latency: publishing %,d records at %,.0f/s with the monitor running%s", events, s.latencyRate(),
                    warmup == 0 ? "" : " (the first " + warmup + " s a warm-up, not counted)");
            measureFrom = System.currentTimeMillis() + warmup * 1000L;
            try {
                sent = WorkloadPublisher.publishPaced(ctx.generator(events), publisher, s.latencyRate(),
                        () -> ctx.stopRequested().getAsBoolean() || !healthy(monitor));
                ctx.checkStop();
                monitor.checkHealthy();
                Map<TopicPartition, Long> ends = Drain.endOffsets(admin, topics.incidents());
                try {
                    Drain.awaitCommitted(admin, applicationId, ends, List.of(topics.scores(), topics.alerts(), topics.deadLetter()),
                            catchUp, () -> {
                                ctx.checkStop();
                                monitor.checkHealthy();
                            });
                } catch (IllegalStateException e) {
                    error = "the monitor had not caught up " + catchUp.toSeconds() + " s after publishing ended: "
                            + Causes.message(e);
                }
                if (!alerts.awaitCaughtUp(Duration.ofSeconds(30)) && error == null) {
                    error = "the alert consumer did not reach the end of the alert topic within 30 s";
                }
            } catch (BenchStopped stop) {
                throw stop;
            } catch (RuntimeException e) {
                error = Causes.message(e);
            }
            backlog = Committed.behind(admin, applicationId, Drain.endOffsets(admin, topics.incidents()));
        } finally {
            alerts.close();
            RunTopics.delete(admin, topics, applicationId);
            if (Files.exists(state)) {
                RunTopics.deleteDirectory(state);
            }
        }
        List<Long> all = alerts.latencies(Long.MIN_VALUE);
        List<Long> latencies = alerts.latencies(measureFrom);
        List<Long> atSink;
        synchronized (processed) {
            atSink = AlertLatency.sorted(processed, measureFrom);
        }
        if (alerts.withoutHeader() > 0) {
            ctx.say("latency: %d alerts carried no produced-at header", alerts.withoutHeader());
        }
        if (warmup > 0 && !all.isEmpty()) {
            ctx.say("latency: the warm-up included (%,d alerts): p50 %d ms, p99 %d ms, max %d ms", all.size(),
                    AlertLatency.percentile(all, 50), AlertLatency.percentile(all, 99), all.get(all.size() - 1));
        }
        return LatencyResult.of(s.latencyRate(), s.latencySeconds(), warmup, sent.records(), latencies, atSink,
                backlog, error);
    }

    private static boolean healthy(Monitor monitor) {
        try {
            monitor.checkHealthy();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
