package io.github.escmon.app.reliability;

import io.github.escmon.app.monitor.Drain;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * How much of its input a monitor's consumer group has committed: what a test times its faults by. The input is
 * complete when this is made (everything is produced first), so its end offsets are the finish line.
 */
final class CommittedInput {

    private final Admin admin;
    private final String groupId;
    private final Map<TopicPartition, Long> ends;
    private final long total;

    CommittedInput(Admin admin, String groupId, String topic) throws ExecutionException, InterruptedException {
        this.admin = admin;
        this.groupId = groupId;
        this.ends = Drain.endOffsets(admin, topic);
        this.total = ends.values().stream().mapToLong(Long::longValue).sum();
    }

    long total() {
        return total;
    }

    long committed() throws ExecutionException, InterruptedException {
        return total - Drain.behind(admin, groupId, ends);
    }

    /** Waits until at least {@code target} input records are committed, running {@code check} between polls. */
    void awaitAtLeast(long target, Duration timeout, Runnable check) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (committed() < target) {
            check.run();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no progress to " + target + " of " + total + " in " + timeout
                        + " (at " + committed() + ")");
            }
            Thread.sleep(100); // poll interval
        }
    }

    /** Waits until everything is committed and {@code outputs} have no open transaction. */
    void awaitAll(Collection<String> outputs, Duration timeout, Runnable check) throws ExecutionException, InterruptedException {
        Drain.awaitCommitted(admin, groupId, ends, outputs, timeout, check);
    }
}
