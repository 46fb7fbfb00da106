package io.github.escmon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port probing. The broker binds 127.0.0.1 only, so that is the address we probe. */
final class Ports {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {
    }

    /**
     * A port that was free a moment ago. There is a small window before Kafka binds it; {@link EmbeddedKafka} retries
     * with fresh ports when a port it chose itself turns out to be taken.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether {@code port} can be bound on 127.0.0.1 right now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like Kafka's listener (a JDK server socket), probe with SO_REUSEADDR: a port left in TIME_WAIT by a
            // previous run is free for the broker and must not trigger a fallback.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
