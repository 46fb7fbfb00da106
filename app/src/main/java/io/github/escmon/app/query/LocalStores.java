package io.github.escmon.app.query;

import io.github.escmon.alerts.levels.DyadAlertState;
import io.github.escmon.alerts.topology.AlertTopology;
import io.github.escmon.streams.topology.ScoringTopology;
import io.github.escmon.streams.topology.WindowEventKeys;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.WindowHeader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read-only views of this instance's active stores: the dyad windows and the alert states of the partitions it
 * processes. Each call may throw {@link InvalidStateStoreException} while the instance is rebalancing or
 * restoring; callers answer "try again".
 */
public final class LocalStores {

    private final KafkaStreams streams;

    public LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    public Optional<DyadWindow> window(String dyad) {
        return Optional.ofNullable(WindowEventKeys.load(headers(null), events(), dyad));
    }

    /** A dyad's window without its events (its last evaluation and score). */
    public Optional<WindowHeader> header(String dyad) {
        return Optional.ofNullable(headers(null).get(dyad));
    }

    public Optional<DyadAlertState> alertState(String dyad) {
        return Optional.ofNullable(alertStates().get(dyad));
    }

    /** The open alerts of every local partition, by dyad in key order per partition. */
    public Map<String, DyadAlertState> openAlerts() {
        Map<String, DyadAlertState> open = new LinkedHashMap<>();
        try (KeyValueIterator<String, DyadAlertState> it = alertStates().all()) {
            while (it.hasNext()) {
                KeyValue<String, DyadAlertState> kv = it.next();
                if (kv.value != null && kv.value.isOpen()) {
                    open.put(kv.key, kv.value);
                }
            }
        }
        return open;
    }

    /** The window header of every dyad of one local input partition. */
    public void forEachHeader(int partition, BiConsumer<String, WindowHeader> each) {
        try (KeyValueIterator<String, WindowHeader> it = headers(partition).all()) {
            it.forEachRemaining(kv -> each.accept(kv.key, kv.value));
        }
    }

    private ReadOnlyKeyValueStore<String, WindowHeader> headers(Integer partition) {
        var params = StoreQueryParameters.fromNameAndType(ScoringTopology.WINDOW_STORE,
                QueryableStoreTypes.<String, WindowHeader>keyValueStore());
        return streams.store(partition == null ? params : params.withPartition(partition));
    }

    private ReadOnlyKeyValueStore<Bytes, byte[]> events() {
        return streams.store(StoreQueryParameters.fromNameAndType(ScoringTopology.WINDOW_EVENTS_STORE,
                QueryableStoreTypes.<Bytes, byte[]>keyValueStore()));
    }

    private ReadOnlyKeyValueStore<String, DyadAlertState> alertStates() {
        return streams.store(StoreQueryParameters.fromNameAndType(AlertTopology.STATE_STORE,
                QueryableStoreTypes.<String, DyadAlertState>keyValueStore()));
    }
}
