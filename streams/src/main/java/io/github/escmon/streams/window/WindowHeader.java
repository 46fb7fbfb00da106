package io.github.escmon.streams.window;

/**
 * A dyad window without its events: what the {@code dyad-windows} store keeps per dyad. The events are kept one
 * record each in {@code dyad-window-events}, so that scoring an event writes that event and the header, not the
 * whole window.
 */
public record WindowHeader(String a, String b, Long lastEval, double lastScore, boolean needsTick) {
}
