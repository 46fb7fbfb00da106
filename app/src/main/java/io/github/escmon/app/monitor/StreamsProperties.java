package io.github.escmon.app.monitor;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.streams.Outcome;
import io.github.escmon.streams.errors.DeadLetterHandler;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
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
        waitForTheBroker(p);
        // changelogs carry event times too (see TopicSetup)
        p.putIfAbsent(StreamsConfig.topicPrefix("message.timestamp.after.max.ms"), Long.toString(Long.MAX_VALUE));
        // an object, not a string: Kafka hands the handler its config map as given
        p.put(DeadLetterHandler.OUTCOMES_CONFIG, outcomes);
        return p;
    }

    /**
     * Producer sends wait for an absent broker rather than fail. Under at_least_once a failed send re-runs its task
     * from the last commit on state restored from changelogs that may already hold the re-run events (the seen-ids
     * store among them): they are skipped as duplicates and their score records lost. BrokerRestartIT lost 2,448 of
     * them over two 150 s outages with the producer's defaults (a batch expires after 2 min, a send waits 1 min for
     * metadata). Under exactly_once_v2 Kafka Streams never expires a batch either, and a transaction that times
     * out is aborted whole, so a send waiting only its minute for metadata does no harm there.
     */
    private static void waitForTheBroker(Properties p) {
        producerDefault(p, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        if (StreamsConfig.AT_LEAST_ONCE.equals(p.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
            producerDefault(p, ProducerConfig.MAX_BLOCK_MS_CONFIG, Integer.toString(Integer.MAX_VALUE));
        }
    }

    /** A producer setting, unless the user gave it for every client or for the producer. */
    private static void producerDefault(Properties p, String name, String value) {
        if (!p.containsKey(name)) {
            p.putIfAbsent(StreamsConfig.producerPrefix(name), value);
        }
    }
}
