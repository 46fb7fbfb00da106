package io.github.escmon.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.EscmonRun;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A seeded GDELT-shaped workload ({@code escmon bench --workload-out}) and what an uninterrupted monitor makes of it
 * ({@code escmon backtest} of the same file on the same broker): the expected output of a run that suffers faults.
 * Never values copied from an earlier run.
 */
record Reference(Path workload, DyadRecords scores, DyadRecords alerts) {

    static Reference of(Path dir, int events, String bootstrapServers) throws IOException {
        Path workload = dir.resolve("workload.jsonl");
        EscmonRun wrote = EscmonRun.of("bench", "--events", Integer.toString(events), "--workload-out", workload.toString());
        assertEquals(0, wrote.code(), wrote.out());
        Path scores = dir.resolve("ref-scores.jsonl");
        Path alerts = dir.resolve("ref-alerts.jsonl");
        EscmonRun reference = EscmonRun.of("backtest", workload.toString(), "--bootstrap-servers", bootstrapServers,
                "--scores-out", scores.toString(), "--alerts-out", alerts.toString());
        assertEquals(0, reference.code(), reference.out());
        Reference ref = new Reference(workload, DyadRecords.of(scores), DyadRecords.of(alerts));
        assertTrue(ref.alerts.count() > 100, "the workload raises alerts: " + ref.alerts.count());
        return ref;
    }

    /** Reads what a run committed to its output topics. */
    Comparison compareWith(String bootstrapServers, IsolatedTopics topics) throws IOException {
        return new Comparison(this, DyadRecords.of(bootstrapServers, topics.scores()), DyadRecords.of(bootstrapServers, topics.alerts()));
    }

    /** A run's committed output against the reference. */
    record Comparison(Reference expected, DyadRecords scores, DyadRecords alerts) {

        String figures() {
            return String.format("compared %,d score records and %,d alerts with the reference's %,d and %,d: "
                            + "%d lost, %d doubled or foreign", scores.count(), alerts.count(), expected.scores.count(),
                    expected.alerts.count(), scores.lostFrom(expected.scores) + alerts.lostFrom(expected.alerts),
                    scores.extraOver(expected.scores) + alerts.extraOver(expected.alerts));
        }

        /** Every dyad's score records and alerts equal the reference's, in order. */
        void assertSame() {
            assertEquals(0, scores.lostFrom(expected.scores), "score records lost");
            assertEquals(0, scores.extraOver(expected.scores), "score records doubled or foreign");
            assertEquals(0, alerts.lostFrom(expected.alerts), "alerts lost");
            assertEquals(0, alerts.extraOver(expected.alerts), "alerts doubled or foreign");
            assertEquals(expected.alerts.byDyad(), alerts.byDyad(), "every dyad's alerts, in order");
            assertEquals(expected.scores.byDyad(), scores.byDyad(), "every dyad's score records, in order");
        }
    }
}
