package io.github.escmon.alerts.topology;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.alerts.levels.AlertStateSerde;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.JsonSerde;
import io.github.escmon.events.TopicNames;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/** {@code escalation-scores} → alert state machine per dyad → {@code escalation-alerts}. */
public final class AlertTopology {

    public static final String SOURCE = "scores-source";
    public static final String PROCESSOR = "raise-alerts";
    public static final String SINK = "alerts-sink";
    public static final String STATE_STORE = "alert-state";

    private AlertTopology() {
    }

    public static Topology buildTopology(TopicNames topics, AlertParameters params, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, topics, params);
        return builder.build(props);
    }

    /** Adds the alert sub-topology as its own sub-topology, reading the scores topic; returns the alert stream. */
    public static KStream<String, Alert> addTo(StreamsBuilder builder, TopicNames topics, AlertParameters params) {
        KStream<String, DyadScore> scores = builder.stream(topics.scores(),
                Consumed.with(Serdes.String(), JsonSerde.scores()).withName(SOURCE));
        return attach(builder, scores, topics, params);
    }

    /**
     * Raises alerts from a score stream already in the topology, in the same sub-topology: the monitor fuses
     * scoring and alerting this way, so an alert is written in the same transaction as the score behind it.
     */
    public static KStream<String, Alert> attach(StreamsBuilder builder, KStream<String, DyadScore> scores,
                                                TopicNames topics, AlertParameters params) {
        return attach(builder, scores, topics, params, null);
    }

    /** As above; alerts before {@code emitFrom} (a replay's lead-in) update the state but are not written. */
    public static KStream<String, Alert> attach(StreamsBuilder builder, KStream<String, DyadScore> scores,
                                                TopicNames topics, AlertParameters params, java.time.Instant emitFrom) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STATE_STORE),
                Serdes.String(), AlertStateSerde.serde()).withCachingEnabled()); // open alerts only: small
        KStream<String, Alert> alerts = scores.process(() -> new AlertProcessor(params), Named.as(PROCESSOR), STATE_STORE);
        (emitFrom == null ? alerts : alerts.filter((dyad, a) -> !a.at().isBefore(emitFrom), Named.as(SINK + "-window")))
                .to(topics.alerts(), Produced.with(Serdes.String(), new JsonSerde<>(Alert.class)).withName(SINK));
        return alerts;
    }
}
