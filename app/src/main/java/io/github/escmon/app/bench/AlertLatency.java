package io.github.escmon.app.bench;

import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.ProducedAtHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alert topic as a subscriber would (read_committed, from the beginning of a fresh topic) on its own
 * thread, and records for each alert how long after its cause was produced it became readable: the wall clock
 * when the poll returned it minus its {@code escmon.produced-at} header.
 */
final class AlertLatency implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLatency.class);

    private final TopicReader<byte[]> reader;
    private final Thread thread;
    /** Per alert read: when its cause was produced, and how long after that the alert was read (ms). */
    private final List<long[]> latencies = new ArrayList<>();
    private volatile boolean stopping;
    /** The caller asks for a check with a new number; the loop answers with the number of the last check it passed. */
    private volatile long asked;
    private volatile long caughtUp;
    private volatile RuntimeException failure;
    private long withoutHeader;

    AlertLatency(Properties clientProps, String alertsTopic) {
        this.reader = new TopicReader<>(clientProps, alertsTopic, new ByteArrayDeserializer());
        this.thread = new Thread(this::loop, "escmon-bench-alert-latency");
        thread.setDaemon(true);
    }

    AlertLatency start() {
        thread.start();
        return this;
    }

    private void loop() {
        try {
            while (!stopping) {
                reader.poll(Duration.ofMillis(50), r -> {
                    long readAt = System.currentTimeMillis();
                    Header h = r.headers().lastHeader(ProducedAtHeader.NAME);
                    Long producedAt = h == null ? null : ProducedAtHeader.decode(h.value());
                    synchronized (latencies) {
                        if (producedAt == null) {
                            withoutHeader++;
                        } else {
                            latencies.add(new long[] {producedAt, readAt - producedAt});
                        }
                    }
                });
                long question = asked;
                if (question > caughtUp && reader.atEnd()) {
                    caughtUp = question;
                }
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                failure = e;
                LOG.error("Reading alerts failed: {}", e.toString());
            }
        }
    }

    /** Waits until every alert committed so far has been read (or {@code timeout} passes); true if it was. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long question = ++asked;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (caughtUp < question && failure == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (failure != null) {
            throw new IllegalStateException("reading alerts failed: " + failure.getMessage(), failure);
        }
        return caughtUp >= question;
    }

    /** Latencies so far of the alerts whose cause was produced at or after {@code from} (epoch ms), sorted. */
    List<Long> latencies(long from) {
        synchronized (latencies) {
            return sorted(latencies, from);
        }
    }

    /** Of {@code (producedAt, latency)} pairs, the latencies of those produced at or after {@code from}, sorted. */
    static List<Long> sorted(List<long[]> pairs, long from) {
        return pairs.stream().filter(p -> p[0] >= from).map(p -> p[1]).sorted().toList();
    }

    /** Alerts without a readable produced-at header (none are expected: every input record carries one). */
    long withoutHeader() {
        synchronized (latencies) {
            return withoutHeader;
        }
    }

    /** The nearest-rank percentile {@code p} (0-100] of sorted values. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(5_000);
        reader.close();
    }
}
