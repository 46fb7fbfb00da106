package io.github.escmon.streams.window;

import io.github.escmon.streams.window.WindowLog.StoredResponse;
import java.util.List;

/**
 * A dyad window without its events and responses: what the {@code dyad-windows} store keeps per dyad, everything
 * an evaluation needs. Its size does not grow with the window (a bucket per half-life, a few events by key), so
 * scoring an event writes that event, perhaps a response, and this.
 *
 * @param arrivals          how many events the window has taken in (the next one's arrival number)
 * @param size              events in the window
 * @param hostile           hostile events in the window
 * @param oldestAt          the oldest event's time ({@link Long#MAX_VALUE} when none)
 * @param maxAt             the newest instant taken in since the last rebuild; an event before it is out of order
 * @param acts              per direction (a→b, b→a) the latest hostile act of an instant before {@code maxAt}, then
 *                          per direction the last at {@code maxAt}; entries may be null
 * @param buckets           the weight sums, one per half-life period that holds events
 * @param responses         valid tit-for-tat responses in the window
 * @param oldestProvocation the oldest of their provocations' times ({@link Long#MAX_VALUE} when none)
 * @param last              the latest response in event order, or null
 * @param top               the heaviest hostile events, heaviest first: exactly the top ones of the window
 * @param scoredWith        the settings the sums, responses and ranking were computed with (T, W, L in millis; 0
 *                          before the first evaluation): under other settings the window is rebuilt from its log
 */
public record WindowHeader(String a, String b, Long lastEval, double lastScore, boolean needsTick, long arrivals,
                           int size, int hostile, long oldestAt, long maxAt, List<Act> acts, List<Bucket> buckets,
                           int responses, long oldestProvocation, StoredResponse last, List<EventKey> top,
                           List<Long> scoredWith) {

    /** A hostile act, as tit-for-tat needs it. */
    public record Act(long at, String id, double hostility, long arrival) {
    }

    /**
     * The sums of the events of one half-life period {@code [index·T, (index+1)·T)}, each event's weight at the
     * period's start in fixed point (units of 2^-32): exact integer sums, so they depend only on which events the
     * window holds, never on the order they came and went.
     */
    public record Bucket(long index, long hab, long hba, long coop) {
    }

    public record EventKey(long at, long arrival) {
    }
}
