package io.github.escmon.streams.errors;

import io.github.escmon.events.Causes;
import io.github.escmon.events.InvalidIncidentException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds a dead-letter record: the raw key and value as read, and headers that say why and where from. The
 * {@code __streams.errors.*} headers are the ones Kafka Streams' own dead-letter queue writes (KIP-1034), so
 * tools that read those read ours; {@code escmon.reason} and {@code escmon.field} are short and human.
 */
public final class DeadLetters {

    public static final String REASON = "escmon.reason";
    public static final String FIELD = "escmon.field";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";

    private DeadLetters() {
    }

    public static ProducerRecord<byte[], byte[]> record(String dlqTopic, byte[] key, byte[] value,
                                                        ErrorHandlerContext context, Exception exception) {
        InvalidIncidentException invalid = invalidCause(exception);
        String reason = invalid != null ? invalid.getMessage() : describe(exception);
        var headers = new RecordHeaders();
        headers.add(REASON, utf8(reason));
        headers.add(FIELD, utf8(invalid != null ? invalid.field() : "record"));
        headers.add(EXCEPTION, utf8((invalid != null ? invalid : exception).getClass().getName()));
        headers.add(MESSAGE, utf8(reason));
        headers.add(TOPIC, utf8(context.topic()));
        headers.add(PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(OFFSET, utf8(Long.toString(context.offset())));
        // stamped when it was refused: the source's timestamp may be anything, even one the broker rejects
        return new ProducerRecord<>(dlqTopic, null, System.currentTimeMillis(), key, value, headers);
    }

    /** The validation failure behind an exception, if that is what it is. */
    public static InvalidIncidentException invalidCause(Throwable e) {
        return Causes.find(e, InvalidIncidentException.class).orElse(null);
    }

    private static String describe(Throwable e) {
        Throwable root = Causes.root(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
