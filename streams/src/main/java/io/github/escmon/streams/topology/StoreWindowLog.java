package io.github.escmon.streams.topology;

import io.github.escmon.streams.window.WindowCodec;
import io.github.escmon.streams.window.WindowLog;
import java.util.function.Function;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** One dyad's {@link WindowLog} in the {@code dyad-window-events} store ({@link WindowEventKeys}). */
final class StoreWindowLog implements WindowLog {

    private final ReadOnlyKeyValueStore<Bytes, byte[]> reads;
    private final KeyValueStore<Bytes, byte[]> writes;
    private final String dyad;

    private StoreWindowLog(ReadOnlyKeyValueStore<Bytes, byte[]> reads, KeyValueStore<Bytes, byte[]> writes, String dyad) {
        this.reads = reads;
        this.writes = writes;
        this.dyad = dyad;
    }

    static StoreWindowLog of(KeyValueStore<Bytes, byte[]> store, String dyad) {
        return new StoreWindowLog(store, store, dyad);
    }

    /** For queries: a window read this way can be looked at, not evaluated. */
    static StoreWindowLog readOnly(ReadOnlyKeyValueStore<Bytes, byte[]> store, String dyad) {
        return new StoreWindowLog(store, null, dyad);
    }

    @Override
    public Cursor<StoredEvent> events(long from) {
        return cursor(reads.range(WindowEventKeys.eventKey(dyad, from, Long.MIN_VALUE),
                WindowEventKeys.eventKey(dyad, Long.MAX_VALUE, Long.MAX_VALUE)), WindowCodec::event);
    }

    @Override
    public StoredEvent event(long at, long arrival) {
        byte[] v = reads.get(WindowEventKeys.eventKey(dyad, at, arrival));
        return v == null ? null : WindowCodec.event(v);
    }

    @Override
    public Cursor<StoredResponse> responses(long from) {
        return cursor(reads.range(WindowEventKeys.responseKey(dyad, from, Long.MIN_VALUE),
                WindowEventKeys.responseKey(dyad, Long.MAX_VALUE, Long.MAX_VALUE)), WindowCodec::response);
    }

    @Override
    public void put(StoredEvent event) {
        writable().put(WindowEventKeys.eventKey(dyad, event.at(), event.arrival()), WindowCodec.event(event));
    }

    @Override
    public void deleteEvent(long at, long arrival) {
        writable().put(WindowEventKeys.eventKey(dyad, at, arrival), null); // delete() would read the value first
    }

    @Override
    public void put(StoredResponse response) {
        writable().put(WindowEventKeys.responseKey(dyad, response.provocationAt(), response.arrival()),
                WindowCodec.response(response));
    }

    @Override
    public void deleteResponse(long provocationAt, long arrival) {
        writable().put(WindowEventKeys.responseKey(dyad, provocationAt, arrival), null);
    }

    private KeyValueStore<Bytes, byte[]> writable() {
        if (writes == null) {
            throw new UnsupportedOperationException("a queried window is read-only");
        }
        return writes;
    }

    private static <T> Cursor<T> cursor(KeyValueIterator<Bytes, byte[]> it, Function<byte[], T> decode) {
        return Cursor.of(it, kv -> decode.apply(kv.value), it::close);
    }
}
