package io.github.escmon.app.bench;

import io.github.escmon.app.cli.RunTopics;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.publish.IncidentPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Alert latency under a steady load: the monitor runs on topics of its own while the workload is published at a
 * fixed rate; a read_committed consumer of the alert topic measures each alert against its cause's
 * {@code escmon.produced-at}. When publishing ends the monitor gets a while to catch up; what it has not
 * committed by then is reported as backlog (a monitor slower than the rate shows up there and in the latencies).
 */
final class LatencyPhase {

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
        long events = Math.round(s.latencyRate() * s.latencySeconds());
        Duration catchUp = Duration.ofSeconds(Math.max(30, s.latencySeconds()));
        var admin = ctx.cluster().admin();
        ctx.createTopics(List.of(topics.incidents(), topics.deadLetter(), topics.scores(), topics.alerts()));
        WorkloadPublisher.Sent sent = new WorkloadPublisher.Sent(0, 0, 0, 0);
        long backlog = 0;
        String error = null;
        AlertLatency alerts = new AlertLatency(ctx.cluster().clientProperties(), topics.alerts()).start();
        try (Monitor monitor = new Monitor(config).start(s.runTimeout());
             var publisher = new IncidentPublisher(ctx.cluster().clientProperties(), topics.incidents(),
                     config.scoreParameters().tick())) {
            ctx.say("latency: publishing %,d records at %,.0f/s with the monitor running", events, s.latencyRate());
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
                            + PhaseRunner.message(e);
                }
                if (!alerts.awaitCaughtUp(Duration.ofSeconds(30)) && error == null) {
                    error = "the alert consumer did not reach the end of the alert topic within 30 s";
                }
            } catch (BenchStopped stop) {
                throw stop;
            } catch (RuntimeException e) {
                error = PhaseRunner.message(e);
            }
            backlog = Committed.behind(admin, applicationId, Drain.endOffsets(admin, topics.incidents()));
        } finally {
            alerts.close();
            RunTopics.delete(admin, topics, applicationId);
            if (Files.exists(state)) {
                RunTopics.deleteDirectory(state);
            }
        }
        List<Long> latencies = alerts.latencies();
        if (alerts.withoutHeader() > 0) {
            ctx.say("latency: %d alerts carried no produced-at header", alerts.withoutHeader());
        }
        boolean any = !latencies.isEmpty();
        return new LatencyResult(s.latencyRate(), s.latencySeconds(), sent.records(), latencies.size(),
                any ? AlertLatency.percentile(latencies, 50) : null, any ? AlertLatency.percentile(latencies, 99) : null,
                any ? latencies.get(latencies.size() - 1) : null, backlog, error);
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
