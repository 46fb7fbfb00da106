package io.github.escmon.app.bench;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.OutcomeCounts;
import io.github.escmon.app.monitor.StreamsProperties;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * The pass-through application of {@link PassThroughTopology}, configured like the monitor ({@link StreamsProperties}:
 * same guarantee, commit interval and dead-letter handling), reading {@code topics.incidents} and writing
 * {@code topics.scores}.
 */
final class Ceiling implements BenchedApp {

    private final KafkaStreams streams;
    private final String applicationId;
    private final OutcomeCounts outcomes = new OutcomeCounts();
    private volatile Throwable fatal;

    Ceiling(EscmonConfig config) {
        Properties props = StreamsProperties.of(config, outcomes);
        this.applicationId = props.getProperty("application.id");
        this.streams = new KafkaStreams(PassThroughTopology.buildTopology(config.topics().incidents(),
                config.topics().scores(), config.validator(), props), props);
        streams.setUncaughtExceptionHandler(e -> {
            fatal = e;
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    @Override
    public String applicationId() {
        return applicationId;
    }

    @Override
    public void begin() {
        streams.start();
    }

    @Override
    public void checkHealthy() {
        KafkaStreams.State state = streams.state();
        if (fatal != null || state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
            throw new IllegalStateException("the pass-through stopped: " + (fatal == null ? state : fatal.toString()), fatal);
        }
    }

    /** Records it sent to the dead-letter topic. */
    OutcomeCounts outcomes() {
        return outcomes;
    }

    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
