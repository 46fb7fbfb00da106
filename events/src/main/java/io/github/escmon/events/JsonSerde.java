package io.github.escmon.events;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The generic Jackson serde for the project's records, built from their class. */
public final class JsonSerde<T> implements Serde<T> {

    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Function<T, byte[]> fastWriter;

    public JsonSerde(Class<T> type) {
        this(type, null);
    }

    /** With a hand-written writer that must give the same bytes as data-binding, such as {@link ScoreJson}. */
    public JsonSerde(Class<T> type, Function<T, byte[]> fastWriter) {
        this.type = type;
        this.writer = Json.MAPPER.writerFor(type);
        this.reader = Json.MAPPER.readerFor(type);
        this.fastWriter = fastWriter;
    }

    /** The serde of score records, written by {@link ScoreJson}. */
    public static JsonSerde<DyadScore> scores() {
        return new JsonSerde<>(DyadScore.class, ScoreJson::toBytes);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            if (fastWriter != null) {
                return fastWriter.apply(value);
            }
            try {
                return writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return reader.readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("not a " + type.getSimpleName() + " in JSON: " + e.getMessage(), e);
            }
        };
    }
}
