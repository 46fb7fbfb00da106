package io.github.escmon.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the {@code incidents} topic: incidents and heartbeats. Deserializing validates, so a record that
 * reaches a processor is valid; one that is not fails with {@link InvalidIncidentException} (a
 * {@link SerializationException}'s cause), which the deserialization handler routes to the dead-letter topic.
 */
public final class IncidentSerde implements Serde<TimelineRecord> {

    private final IncidentValidator validator;

    public IncidentSerde(IncidentValidator validator) {
        this.validator = validator;
    }

    @Override
    public Serializer<TimelineRecord> serializer() {
        return (topic, value) -> {
            try {
                return value == null ? null : Json.MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + value + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<TimelineRecord> deserializer() {
        return (topic, bytes) -> parse(bytes);
    }

    /** Parses and validates one record; throws {@link InvalidIncidentException} with the reason. */
    public TimelineRecord parse(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidIncidentException("record", "record: no value (null)");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidIncidentException("record", "record: not valid JSON: " + firstLine(e.getMessage()));
        }
        return validator.validate(node);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
