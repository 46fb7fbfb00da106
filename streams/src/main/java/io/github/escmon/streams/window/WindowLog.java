package io.github.escmon.streams.window;

import io.github.escmon.events.Exchange;
import java.util.Iterator;
import java.util.function.Function;

/**
 * Where one dyad's window keeps its events and its tit-for-tat responses, a record each: Kafka Streams stores in
 * the topology, sorted maps in {@link MemoryLog}. A {@link DyadWindow} holds only what an evaluation needs (its
 * sums, counts, the responses' head and the heaviest events) and reads the log just for the events that expire,
 * in time order, and in the rare cases that need more (an event older than the newest, evidence to refill): its
 * cost and its heap do not grow with the events it holds. It reads during an evaluation and writes what changed
 * at its end, so a log is never read while the window has changes of its own not yet in it.
 */
public interface WindowLog {

    /** The dyad's events by time, oldest first (events of one instant in any order). */
    default Cursor<StoredEvent> events() {
        return events(Long.MIN_VALUE);
    }

    /**
     * The dyad's events at or after {@code from}, oldest first. A window starts its scans at its oldest event: in a
     * store, the events that expired before it are deletions that a scan from the dyad's first key would step over
     * one by one until compaction removes them.
     */
    Cursor<StoredEvent> events(long from);

    /** One event of the dyad, or null. */
    StoredEvent event(long at, long arrival);

    /** The dyad's responses by the time of their provocation, oldest first (ties in any order). */
    default Cursor<StoredResponse> responses() {
        return responses(Long.MIN_VALUE);
    }

    /** The dyad's responses whose provocation is at or after {@code from}, oldest first. */
    Cursor<StoredResponse> responses(long from);

    void put(StoredEvent event);

    void deleteEvent(long at, long arrival);

    void put(StoredResponse response);

    void deleteResponse(long provocationAt, long arrival);

    /** An iterator over stored records that must be closed (a store iterator holds resources). */
    interface Cursor<T> extends Iterator<T>, AutoCloseable {
        @Override
        void close();

        /** {@code it}'s elements mapped by {@code map}; closing it runs {@code close}. */
        static <S, T> Cursor<T> of(Iterator<S> it, Function<S, T> map, Runnable close) {
            return new Cursor<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    return map.apply(it.next());
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }

    /**
     * An event of the window with its arrival number: the window numbers the events it takes in, so that the
     * number tells apart events of equal time and id (the reference scores an id again once it is no longer a
     * duplicate) and orders them as they came.
     */
    record StoredEvent(long arrival, WindowEvent event) {

        public long at() {
            return event.at();
        }

        /** {@link WindowEvent#ORDER}, then arrival. */
        static int compare(StoredEvent x, StoredEvent y) {
            int c = WindowEvent.ORDER.compare(x.event, y.event);
            return c != 0 ? c : Long.compare(x.arrival, y.arrival);
        }

        boolean sameAs(long at, long arrival) {
            return this.arrival == arrival && event.at() == at;
        }
    }

    /**
     * A valid tit-for-tat response (SCORING.md §3): the hostile event at {@code at} (arrival {@code arrival}) that
     * answered the provocation at {@code provocationAt}; it counts until that provocation leaves the window.
     */
    record StoredResponse(long provocationAt, long at, long arrival, Exchange exchange) {

        /** The responses' event order: time, the response's id, arrival. */
        static int compare(StoredResponse x, StoredResponse y) {
            int c = Long.compare(x.at, y.at);
            if (c == 0) {
                c = x.exchange.response().compareTo(y.exchange.response());
            }
            return c != 0 ? c : Long.compare(x.arrival, y.arrival);
        }

        boolean sameAs(StoredResponse other) {
            return other != null && arrival == other.arrival && provocationAt == other.provocationAt;
        }
    }
}
