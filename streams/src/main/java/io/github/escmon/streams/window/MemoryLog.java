package io.github.escmon.streams.window;

import java.util.Iterator;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A {@link WindowLog} in sorted maps: for tests, benchmarks and tools that score without Kafka. */
public final class MemoryLog implements WindowLog {

    /** Events by (time, arrival), responses by (provocation time, arrival). */
    private record Key(long time, long arrival) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(arrival, o.arrival);
        }
    }

    private final NavigableMap<Key, StoredEvent> events = new TreeMap<>();
    private final NavigableMap<Key, StoredResponse> responses = new TreeMap<>();

    /** An independent copy: changes to either do not reach the other. */
    public MemoryLog copy() {
        MemoryLog c = new MemoryLog();
        c.events.putAll(events);
        c.responses.putAll(responses);
        return c;
    }

    public int eventCount() {
        return events.size();
    }

    public int responseCount() {
        return responses.size();
    }

    @Override
    public Cursor<StoredEvent> events(long from) {
        return cursor(events.tailMap(new Key(from, Long.MIN_VALUE), true).values().iterator());
    }

    @Override
    public StoredEvent event(long at, long arrival) {
        return events.get(new Key(at, arrival));
    }

    @Override
    public Cursor<StoredResponse> responses(long from) {
        return cursor(responses.tailMap(new Key(from, Long.MIN_VALUE), true).values().iterator());
    }

    @Override
    public void put(StoredEvent event) {
        events.put(new Key(event.at(), event.arrival()), event);
    }

    @Override
    public void deleteEvent(long at, long arrival) {
        events.remove(new Key(at, arrival));
    }

    @Override
    public void put(StoredResponse response) {
        responses.put(new Key(response.provocationAt(), response.arrival()), response);
    }

    @Override
    public void deleteResponse(long provocationAt, long arrival) {
        responses.remove(new Key(provocationAt, arrival));
    }

    private static <T> Cursor<T> cursor(Iterator<T> it) {
        return Cursor.of(it, t -> t, () -> { });
    }
}
