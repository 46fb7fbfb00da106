package io.github.escmon.streams.topology;

import io.github.escmon.events.DyadScore;
import io.github.escmon.events.IncidentSerde;
import io.github.escmon.events.JsonSerde;
import io.github.escmon.streams.window.WindowCodec;
import io.github.escmon.streams.engine.PartitionScorer;
import io.github.escmon.streams.window.EventWeights;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code incidents} → score → {@code escalation-scores}. Every processor and store is named, so a change of
 * topology never silently renames state.
 */
public final class ScoringTopology {

    public static final String SOURCE = "incidents-source";
    public static final String PROCESSOR = "score-incidents";
    public static final String SINK = "scores-sink";
    /** Per dyad, its window's {@link io.github.escmon.streams.window.WindowHeader}. */
    public static final String WINDOW_STORE = "dyad-windows";
    /** Per dyad and event, the events of its window ({@link WindowEventKeys}). */
    public static final String WINDOW_EVENTS_STORE = "dyad-window-events";
    public static final String TICKING_STORE = "ticking-dyads";
    public static final String CLOCK_STORE = "partition-clock";
    public static final String SEEN_STORE = "seen-ids";

    private ScoringTopology() {
    }

    public static Topology buildTopology(ScoringSettings settings, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        addTo(builder, settings);
        return builder.build(props);
    }

    /** Adds the scoring sub-topology to {@code builder}; returns the score stream (also written to its topic). */
    public static KStream<String, DyadScore> addTo(StreamsBuilder builder, ScoringSettings settings) {
        return addTo(builder, settings, StoreState.RECENT_WINDOWS);
    }

    /** As above, keeping {@code recentWindows} windows per task as objects (0: every window read from its stores). */
    static KStream<String, DyadScore> addTo(StreamsBuilder builder, ScoringSettings settings, int recentWindows) {
        // small state (a header per dyad, the dyads due a tick, the clock) in memory and cached, so that a value
        // written many times between commits reaches its changelog once; the events and the seen ids (a key each,
        // written once, so a cache would only delay them) in RocksDB
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WINDOW_STORE),
                Serdes.String(), WindowCodec.headerSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOW_EVENTS_STORE),
                Serdes.Bytes(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TICKING_STORE),
                Serdes.String(), Serdes.Boolean()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CLOCK_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SEEN_STORE),
                Serdes.String(), Serdes.Long()));

        var weights = new EventWeights(settings.validator().codebook(), settings.params());
        KStream<String, DyadScore> scores = builder
                .stream(settings.topics().incidents(),
                        Consumed.with(Serdes.String(), new IncidentSerde(settings.validator()))
                                .withTimestampExtractor(new EventTimeExtractor())
                                .withName(SOURCE))
                .process(() -> new ScoringProcessor(new PartitionScorer(settings.params(), weights, settings.outcomes()),
                                settings.bounds(), recentWindows),
                        Named.as(PROCESSOR),
                        WINDOW_STORE, WINDOW_EVENTS_STORE, TICKING_STORE, CLOCK_STORE, SEEN_STORE);
        scores.filter((dyad, score) -> settings.bounds().emits(score.at()), Named.as(SINK + "-window"))
                .to(settings.topics().scores(),
                Produced.with(Serdes.String(), JsonSerde.scores()).withName(SINK));
        return scores;
    }
}
