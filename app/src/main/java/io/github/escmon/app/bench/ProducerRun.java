package io.github.escmon.app.bench;

import io.github.escmon.producer.publish.IncidentPublisher;
import java.util.List;
import java.util.Map;

/**
 * One run of the producer phase: the whole workload, generated on the fly, through {@link IncidentPublisher}
 * (idempotent, acks=all, lz4) to a fresh topic, timed from the first send until every record is acknowledged.
 * The generator's own cost is part of the time; it is small next to the producer's.
 */
final class ProducerRun {

    private ProducerRun() {
    }

    static PhaseRunner.Run run(BenchContext ctx, String topic) throws Exception {
        ctx.createTopics(List.of(topic));
        WorkloadGenerator records = ctx.generator(ctx.settings().workload().events());
        WorkloadPublisher.Sent sent;
        long start;
        long end;
        try (var publisher = new IncidentPublisher(ctx.cluster().clientProperties(), topic,
                ctx.config().scoreParameters().tick())) {
            start = System.nanoTime();
            sent = WorkloadPublisher.publish(records, publisher, ctx.stopRequested(), n -> ctx.say("  published %,d", n));
            end = System.nanoTime();
        }
        ctx.checkStop();
        return new PhaseRunner.Run(sent.records() / ((end - start) / 1e9), 0,
                Map.of("incidents", sent.incidents(), "invalid", sent.invalid(), "heartbeats", sent.heartbeats()));
    }
}
