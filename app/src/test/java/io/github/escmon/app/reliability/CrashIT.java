package io.github.escmon.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.app.EscmonRun;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, test 1: {@code kill -9} the real {@code escmon run} (the jar, a child JVM) at random moments while it
 * works through a GDELT-shaped workload, restart it each time, and compare what it committed with an uninterrupted
 * run of the same records ({@code escmon backtest} of the same file on the same broker): per dyad, the same score
 * and alert records in the same order, none lost, none doubled. {@code -Descmon.crash.events} and
 * {@code -Descmon.crash.kills} make it longer (a soak); the defaults keep it within CI's budget.
 * {@code -Descmon.crash.guarantee=at_least_once} makes it fail, on lost and doubled records.
 */
@WithKafka
@Timeout(900)
class CrashIT {

    private static final int EVENTS = Integer.getInteger("escmon.crash.events", 200_000);
    private static final int KILLS = Integer.getInteger("escmon.crash.kills", 3);
    private static final long SEED = Long.getLong("escmon.crash.seed", System.nanoTime());
    /** at_least_once shows that this test catches what exactly-once prevents: it then fails, records lost and doubled. */
    private static final String GUARANTEE = System.getProperty("escmon.crash.guarantee", "exactly_once_v2");

    @Test
    void killNineAtRandomMomentsLosesAndDoublesNothing(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Reference reference = Reference.of(dir, EVENTS, kafka.bootstrapServers());
        IsolatedTopics topics = IsolatedTopics.named("crash");
        EscmonRun produced = EscmonRun.of(topics.produce(kafka.bootstrapServers(), reference.workload()));
        assertEquals(2, produced.code(), "2: the workload's ~0.5 % invalid rows are reported, the rest published\n" + produced.out());

        // a killed member's partitions move after its session times out: keep that short
        List<String> run = topics.run(kafka.bootstrapServers(), dir.resolve("state"), GUARANTEE,
                "--set", "kafka.session.timeout.ms=6000");
        Random random = new Random(SEED);
        CommittedInput input = new CommittedInput(kafka.admin(), topics.applicationId(), topics.incidents());
        List<String> kills = new ArrayList<>();
        EscmonProcess monitor = EscmonProcess.start(dir.resolve("run-0.log"), run);
        try {
            // kill points spread over the whole run: at random fractions of the input, plus a random delay so that
            // a kill lands anywhere in a transaction, not just after a commit
            double[] at = random.doubles(KILLS, 0.05, 0.9).sorted().toArray();
            for (int k = 1; k <= KILLS; k++) {
                input.awaitAtLeast((long) (at[k - 1] * input.total()), Duration.ofMinutes(3), monitor::checkAlive);
                Thread.sleep(random.nextInt(1_000));
                long committed = input.committed();
                monitor.kill(); // SIGKILL: no shutdown hook, no commit, no leaving the group
                kills.add(String.format("kill %d at %,d of %,d committed", k, committed, input.total()));
                monitor = EscmonProcess.start(dir.resolve("run-" + k + ".log"), run);
            }
            input.awaitAll(List.of(topics.scores(), topics.alerts()), Duration.ofMinutes(8), monitor::checkAlive);
        } finally {
            monitor.close();
        }

        var comparison = reference.compareWith(kafka.bootstrapServers(), topics);
        System.out.printf("CrashIT (seed %d, %s): %s; %s%n", SEED, GUARANTEE, String.join("; ", kills), comparison.figures());
        comparison.assertSame();
    }
}
