package io.github.escmon.app.monitor;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.errors.DeadLetterHandler;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams settings of the monitor: the user's first, escmon's defaults only where they left a gap. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    public static Properties of(EscmonConfig config, Outcome.Listener outcomes) {
        Properties p = config.kafkaClientProperties();
        p.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, config.get("application.id"));
        p.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, config.get("state.dir"));
        p.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.get("processing.guarantee"));
        p.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.get("num.stream.threads"));
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.get("topics.replication-factor"));
        p.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetter());
        p.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a run is done when its input offsets are committed: commit often under at-least-once too
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        // changelogs carry event times too (see TopicSetup)
        p.putIfAbsent(StreamsConfig.topicPrefix("message.timestamp.after.max.ms"), Long.toString(Long.MAX_VALUE));
        // an object, not a string: Kafka hands the handler its config map as given
        p.put(DeadLetterHandler.OUTCOMES_CONFIG, outcomes);
        return p;
    }
}
