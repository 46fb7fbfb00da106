package io.github.escmon.app.output;

import io.github.escmon.events.Alert;
import io.github.escmon.events.JsonSerde;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Follows the alert topic on its own thread (committed alerts only) and hands each alert to a sink. */
public final class AlertFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFollower.class);

    private final TopicReader<Alert> reader;
    private final Consumer<Alert> sink;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile CountDownLatch caughtUp;
    private volatile long seen;

    public AlertFollower(Properties clientProps, String topic, Consumer<Alert> sink) {
        this.reader = new TopicReader<>(clientProps, topic, new JsonSerde<>(Alert.class).deserializer());
        this.sink = sink;
        this.thread = new Thread(this::loop, "escmon-alert-follower");
        thread.setDaemon(true);
    }

    public AlertFollower start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            while (!stopping) {
                reader.poll(Duration.ofMillis(100), r -> {
                    seen++;
                    sink.accept(r.value());
                });
                CountDownLatch waiting = caughtUp;
                if (waiting != null && reader.atEnd()) {
                    waiting.countDown();
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                LOG.error("Following alerts failed: {}", e.toString());
            }
        }
    }

    /** Waits until every alert committed so far has been handed to the sink; keeps following afterwards. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        caughtUp = latch;
        if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("alerts were not all read within " + timeout);
        }
    }

    public long seen() {
        return seen;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(5_000);
        reader.close();
    }
}
