package io.github.escmon.app.monitor;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.events.Causes;
import io.github.escmon.streams.topology.ReplayBounds;
import io.github.escmon.streams.topology.ScoringSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running monitor: one {@link KafkaStreams} instance of {@link MonitorTopology}. */
public final class Monitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final KafkaStreams streams;
    private final OutcomeCounts outcomes;
    private final CountDownLatch running = new CountDownLatch(1);
    private final String applicationId;
    private final String incidentsTopic;
    private volatile Throwable fatal;
    private final ThreadReplacements threadReplacements = new ThreadReplacements(3, Duration.ofMinutes(10));

    public Monitor(EscmonConfig config) {
        this(config, ReplayBounds.NONE);
    }

    /** A monitor limited to a replay's range of the input. */
    public Monitor(EscmonConfig config, ReplayBounds bounds) {
        this(config, bounds, MonitorObserver.NONE);
    }

    /** A monitor whose outcomes, scores and alerts {@code observer} hears of as they are written. */
    public Monitor(EscmonConfig config, ReplayBounds bounds, MonitorObserver observer) {
        this.outcomes = new OutcomeCounts(observer);
        this.incidentsTopic = config.topics().incidents();
        Properties props = StreamsProperties.of(config, outcomes);
        ScoringSettings scoring = new ScoringSettings(config.topics(), config.scoreParameters(), config.validator(), outcomes, bounds);
        Topology topology = MonitorTopology.buildTopology(scoring, config.alertParameters(), props, observer);
        this.applicationId = props.getProperty("application.id");
        this.streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> {
            LOG.debug("Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            if (isTransactionLostToABrokerRestart(e) && threadReplacements.tryReplace(System.nanoTime())) {
                LOG.warn("The broker dropped an open transaction (it restarted or timed the transaction out): the stream"
                        + " thread is replaced and its tasks redo their work from the last commit ({})", Causes.root(e).toString());
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            fatal = e;
            LOG.error("The monitor stopped on an unexpected error: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    }

    /**
     * Kafka Streams takes most failures of a transaction in its stride (the task migrates and redoes its work), but
     * not an {@link InvalidTxnStateException} at commit: the broker came back from a crash, or from an outage longer
     * than the transaction's timeout, having aborted the transaction the thread was about to commit. Nothing of it was
     * committed, so a new thread that redoes the work from the last commit loses and doubles nothing (BrokerRestartIT).
     */
    static boolean isTransactionLostToABrokerRestart(Throwable e) {
        return Causes.find(e, InvalidTxnStateException.class).isPresent();
    }

    /** At most {@code max} thread replacements in any {@code window}: a cause that stays is fatal, not a loop. */
    static final class ThreadReplacements {
        private final int max;
        private final long windowNanos;
        private final ArrayDeque<Long> recent = new ArrayDeque<>();

        ThreadReplacements(int max, Duration window) {
            this.max = max;
            this.windowNanos = window.toNanos();
        }

        synchronized boolean tryReplace(long now) {
            while (!recent.isEmpty() && now - recent.peekFirst() > windowNanos) {
                recent.pollFirst();
            }
            if (recent.size() >= max) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    /** Starts processing and waits until the instance is RUNNING. */
    public Monitor start(Duration timeout) throws InterruptedException {
        begin();
        if (!awaitRunning(timeout)) {
            throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + timeout
                    + " (state " + streams.state() + "); is the broker reachable?");
        }
        return this;
    }

    /** Starts processing without waiting (a long-running service keeps listening for Ctrl-C meanwhile). */
    public void begin() {
        streams.start();
    }

    /** Waits up to {@code timeout} for the instance to be RUNNING; true if it is. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Fails if a stream thread died: waiting on its progress would otherwise hang. */
    public void checkHealthy() {
        KafkaStreams.State state = streams.state();
        if (fatal != null || state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
                || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_SHUTDOWN) {
            throw new IllegalStateException("the monitor stopped: " + (fatal == null ? state : fatal.toString()), fatal);
        }
    }

    public String applicationId() {
        return applicationId;
    }

    public OutcomeCounts outcomes() {
        return outcomes;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The input partitions this instance processes now (its active tasks); empty while it is not running. */
    public Set<Integer> localPartitions() {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (tp.topic().equals(incidentsTopic)) {
                        partitions.add(tp.partition());
                    }
                }
            }
        }
        return partitions;
    }

    /**
     * Stops processing and leaves the consumer group, so that a restarted or remaining instance takes the
     * partitions over at once instead of after the session timeout.
     */
    @Override
    public void close() {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
