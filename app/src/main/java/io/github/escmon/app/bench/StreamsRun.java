package io.github.escmon.app.bench;

import io.github.escmon.app.cli.RunTopics;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Drain;
import io.github.escmon.events.Causes;
import io.github.escmon.events.TopicNames;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of a Kafka Streams phase over the shared input topic: a fresh application id, state directory and
 * output topics; timed from {@code KafkaStreams.start()} until the application has committed the input's end
 * offsets and its outputs have no open transaction ({@link Drain#awaitCommitted}). Afterwards the state on disk
 * and what the run wrote to each output topic and changelog ({@link Written}) are measured, then the run's topics,
 * group and state are deleted.
 */
final class StreamsRun {

    /** What a finished application tells beyond its speed. */
    interface Counts {
        Map<String, Long> of(BenchedApp app);
    }

    private StreamsRun() {
    }

    static PhaseRunner.Run run(BenchContext ctx, String input, String tag, String guarantee,
                               Function<EscmonConfig, BenchedApp> app, Counts counts) throws Exception {
        String applicationId = ctx.name(tag);
        Path state = ctx.workDir().resolve(tag);
        TopicNames topics = new TopicNames(input, ctx.name(tag + "-dlq"), ctx.name(tag + "-out"), ctx.name(tag + "-alerts"));
        EscmonConfig config = ctx.config().with(Map.of("application.id", applicationId, "state.dir", state.toString(),
                "processing.guarantee", guarantee, "topics.incidents", topics.incidents(),
                "topics.dead-letter", topics.deadLetter(), "topics.scores", topics.scores(), "topics.alerts", topics.alerts()));
        var admin = ctx.cluster().admin();
        try {
            ctx.createTopics(List.of(topics.deadLetter(), topics.scores(), topics.alerts()));
            Map<TopicPartition, Long> ends = Drain.endOffsets(admin, input);
            Map<String, Long> outcomes;
            List<Written> written;
            long start;
            long end;
            try (BenchedApp running = app.apply(config)) {
                start = System.nanoTime();
                running.begin();
                try {
                    Drain.awaitCommitted(admin, applicationId, ends, List.of(topics.scores(), topics.alerts(), topics.deadLetter()),
                            ctx.settings().runTimeout(), () -> {
                                ctx.checkStop();
                                running.checkHealthy();
                            });
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(Causes.message(e) + progress(ctx, applicationId, ends, start), e);
                }
                end = System.nanoTime();
                outcomes = counts.of(running);
            }
            written = Written.measure(admin, topics, applicationId);
            long records = ctx.settings().workload().events();
            return new PhaseRunner.Run(records / ((end - start) / 1e9), StateSize.bytesUnder(state), outcomes, written);
        } finally {
            RunTopics.delete(admin, topics, applicationId, List.of(input));
            if (java.nio.file.Files.exists(state)) {
                RunTopics.deleteDirectory(state);
            }
        }
    }

    private static String progress(BenchContext ctx, String applicationId, Map<TopicPartition, Long> ends, long start) {
        long total = Committed.total(ends);
        long behind = Committed.behind(ctx.cluster().admin(), applicationId, ends);
        return behind < 0 ? "" : String.format(java.util.Locale.ROOT, " (%,d of %,d input records committed after %.0f s)",
                total - behind, total, (System.nanoTime() - start) / 1e9);
    }
}
