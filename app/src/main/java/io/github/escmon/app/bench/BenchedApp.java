package io.github.escmon.app.bench;

/** A Kafka Streams application whose throughput a phase measures: the real monitor or the pass-through ceiling. */
interface BenchedApp extends AutoCloseable {

    /** Its group id: processing is done when this group has committed the input's end offsets. */
    String applicationId();

    /** Starts processing without waiting. */
    void begin();

    /** Throws if the application stopped (a dead stream thread): waiting on its offsets would hang. */
    void checkHealthy();

    @Override
    void close();
}
