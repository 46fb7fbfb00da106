package io.github.escmon.streams.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.events.InvalidIncidentException;
import io.github.escmon.streams.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {

    private final List<Outcome> counted = new ArrayList<>();
    private final DeadLetterHandler handler = new DeadLetterHandler();

    DeadLetterHandlerTest() {
        handler.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq",
                DeadLetterHandler.OUTCOMES_CONFIG, (Outcome.Listener) counted::add));
    }

    @Test
    void aRecordThatFailsProcessingIsDeadLetteredAndProcessingResumes() {
        var response = handler.handleError(new Context(), new Record<>("IRN-PAK", "{}", 0L),
                new InvalidIncidentException("cameo", "unknown CAMEO code \"999\""));
        assertEquals(ProcessingExceptionHandler.Result.RESUME, response.result());
        assertEquals(1, response.deadLetterQueueRecords().size());
        assertEquals(List.of(Outcome.INVALID), counted);
    }

    @Test
    void aWriteKafkaRefusedFailsProcessingAndDeadLettersNothing() {
        // what Kafka Streams' record collector throws at the next send once the broker refused one (a missing ACL)
        var refused = new StreamsException("Error encountered sending record to topic escalation-alerts for task 0_4",
                new KafkaException("Cannot execute transactional method because we are in an error state",
                        new TopicAuthorizationException(Set.of("escalation-alerts"))));
        var response = handler.handleError(new Context(), new Record<>("IRN-PAK", "{}", 0L), refused);
        assertEquals(ProcessingExceptionHandler.Result.FAIL, response.result());
        assertEquals(List.of(), response.deadLetterQueueRecords());
        assertEquals(List.of(), counted, "a good record is not counted invalid");
    }

    /** The context of a record read from incidents-3 at offset 7. */
    private static final class Context implements ErrorHandlerContext {
        @Override
        public String topic() {
            return "incidents";
        }

        @Override
        public int partition() {
            return 3;
        }

        @Override
        public long offset() {
            return 7;
        }

        @Override
        public Headers headers() {
            return new RecordHeaders();
        }

        @Override
        public String processorNodeId() {
            return "score-incidents";
        }

        @Override
        public TaskId taskId() {
            return new TaskId(0, 3);
        }

        @Override
        public long timestamp() {
            return 0;
        }

        @Override
        public byte[] sourceRawKey() {
            return "IRN-PAK".getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] sourceRawValue() {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
