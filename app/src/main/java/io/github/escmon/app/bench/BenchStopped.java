package io.github.escmon.app.bench;

/** Ctrl-C came: the bench unwinds, closing and deleting what it started, and reports what it measured. */
final class BenchStopped extends RuntimeException {

    BenchStopped() {
        super("stopped by Ctrl-C", null, false, false);
    }
}
