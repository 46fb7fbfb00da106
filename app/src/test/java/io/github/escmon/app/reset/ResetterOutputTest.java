package io.github.escmon.app.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading back what Kafka 4.4's StreamsResetter prints (samples as printed in ApplicationResetIT). */
@Timeout(10)
class ResetterOutputTest {

    private static final String DRY_RUN_PAST_THE_END = """
            ----Dry run displays the actions which will be performed when running Streams Reset Tool----
            Reset-offsets for input topics [incidents.x]
            Following input topics offsets will be reset to (for consumer group escmon-x)
            Partition 0 from topic incidents.x is empty, without a committed record. Falling back to latest known offset.
            Partition 2 from topic incidents.x is empty, without a committed record. Falling back to latest known offset.
            Topic: incidents.x Partition: 2 Offset: 12
            Topic: incidents.x Partition: 1 Offset: 3
            Topic: incidents.x Partition: 0 Offset: 11
            Done.
            Deleting specified internal topics [escmon-x-alert-state-changelog, escmon-x-dyad-windows-changelog]
            Done.
            """;

    private static TopicPartition p(int partition) {
        return new TopicPartition("incidents.x", partition);
    }

    @Test
    void readsTheOffsetsThePartitionsAtTheEndAndTheInternalTopics() {
        ResetterOutput out = new ResetterOutput(0, DRY_RUN_PAST_THE_END, "");
        assertEquals(Map.of(p(0), 11L, p(1), 3L, p(2), 12L), out.offsets());
        assertEquals(List.of(p(0), p(1), p(2)), List.copyOf(out.offsets().keySet()), "in partition order");
        assertEquals(Set.of(p(0), p(2)), out.atEnd());
        assertEquals(Optional.of(List.of("escmon-x-alert-state-changelog", "escmon-x-dyad-windows-changelog")), out.internalTopics());
        assertEquals(Optional.empty(), out.error());
        assertFalse(out.refusedForActiveMembers());
    }

    @Test
    void readsAnEmptyListOfInternalTopicsAndNoListAtAll() {
        assertEquals(Optional.of(List.of()), new ResetterOutput(0, "Deleting inferred internal topics []\nDone.\n", "").internalTopics());
        assertEquals(Optional.empty(), new ResetterOutput(1, "Reset-offsets for input topics [incidents.x]\n", "").internalTopics());
    }

    @Test
    void readsTheErrorWithoutItsExceptionClass() {
        String err = """
                ERROR: java.lang.IllegalStateException: Consumer group 'escmon-x' is still active and has following members: [MemberDescription(...)]. Make sure to stop all running application instances before running the reset tool. You can use option '--force' to remove active members from the group.
                java.lang.IllegalStateException: Consumer group 'escmon-x' is still active and has following members: [...]
                \tat org.apache.kafka.tools.StreamsResetter.maybeDeleteActiveConsumers(StreamsResetter.java:200)
                """;
        ResetterOutput out = new ResetterOutput(1, "", err);
        assertTrue(out.refusedForActiveMembers());
        assertTrue(out.error().orElseThrow().startsWith("Consumer group 'escmon-x' is still active"), out.error().toString());
        assertEquals(Optional.of("Encountered an error deleting one or more topics"),
                new ResetterOutput(1, "", "ERROR: java.lang.RuntimeException: Encountered an error deleting one or more topics\n").error());
        assertEquals(Optional.of("deleting topic escmon-x-a-changelog"),
                new ResetterOutput(1, "", "ERROR: deleting topic escmon-x-a-changelog\n").error());
    }
}
