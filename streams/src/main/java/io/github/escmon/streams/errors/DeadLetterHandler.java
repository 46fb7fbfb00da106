package io.github.escmon.streams.errors;

import io.github.escmon.events.Causes;
import io.github.escmon.streams.Outcome;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' handler for records that cannot be read or processed: each goes to the dead-letter topic
 * ({@code errors.dead.letter.queue.topic.name}) with its reason, is counted as {@link Outcome#INVALID}, and
 * processing resumes. The app never dies on a bad record, and nothing is dropped silently. A failure of Kafka itself
 * is no bad record: a refused write (a missing ACL), a fenced producer or a timeout reaches this handler too when it
 * surfaces while a record is processed, and then processing fails instead, so that the monitor stops saying why
 * rather than dead-letter good records.
 *
 * <p>Configured by class name, so its collaborators come through the Streams config: the outcome listener
 * under {@link #OUTCOMES_CONFIG}.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    public static final String OUTCOMES_CONFIG = "escmon.outcomes.listener";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String dlqTopic;
    private Outcome.Listener outcomes = Outcome.Listener.NONE;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (topic == null) {
            throw new IllegalStateException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must be set");
        }
        dlqTopic = topic.toString();
        if (configs.get(OUTCOMES_CONFIG) instanceof Outcome.Listener listener) {
            outcomes = listener;
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(context, record.key(), record.value(), exception)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        if (kafkaFailure(exception)) {
            return ProcessingExceptionHandler.Response.fail();
        }
        if (DeadLetters.invalidCause(exception) == null) {
            LOG.error("Unexpected error processing {}-{}@{}; record sent to {}", context.topic(), context.partition(),
                    context.offset(), dlqTopic, exception);
        }
        return ProcessingExceptionHandler.Response.resume(
                List.of(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), exception)));
    }

    /** An error of a Kafka client or broker (refused, fenced, timed out, …) anywhere behind {@code e}. */
    private static boolean kafkaFailure(Throwable e) {
        return Causes.find(e, ApiException.class).isPresent();
    }

    private org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> deadLetter(
            ErrorHandlerContext context, byte[] key, byte[] value, Exception exception) {
        var dead = DeadLetters.record(dlqTopic, key, value, context, exception);
        outcomes.count(Outcome.INVALID);
        LOG.debug("Dead letter from {}-{}@{}: {}", context.topic(), context.partition(), context.offset(),
                exception.getMessage());
        return dead;
    }
}
