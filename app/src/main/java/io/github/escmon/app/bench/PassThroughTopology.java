package io.github.escmon.app.bench;

import io.github.escmon.events.IncidentSerde;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.streams.topology.EventTimeExtractor;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ceiling: reads {@code incidents} exactly as the monitor does (its serde, which validates, and its event-time
 * extractor) and writes every record it read, re-serialized, to one output topic. No state, no scoring: what is
 * left is the cost of Kafka Streams itself under the chosen processing guarantee. Invalid records go to the
 * dead-letter topic through the monitor's handler, so every input still makes exactly one output.
 */
final class PassThroughTopology {

    static final String SOURCE = "ceiling-source";
    static final String SINK = "ceiling-sink";

    private PassThroughTopology() {
    }

    static Topology buildTopology(String input, String output, IncidentValidator validator, Properties props) {
        IncidentSerde serde = new IncidentSerde(validator);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.String(), serde)
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName(SOURCE))
                .to(output, Produced.with(Serdes.String(), serde).withName(SINK));
        return builder.build(props);
    }
}
