package io.github.escmon.producer.follow;

/** The follower was asked to stop ({@link Follower#stop()}) while waiting or downloading. */
final class Stopped extends Exception {

    Stopped() {
        super("stopped", null, false, false);
    }
}
