package io.github.escmon.app.monitor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

/** Which stream-thread failures the monitor survives by replacing the thread, and how often. */
class ThreadReplacementTest {

    @Test
    void aTransactionTheBrokerDroppedIsRedoneButOtherFailuresStopTheMonitor() {
        assertTrue(Monitor.isTransactionLostToABrokerRestart(new StreamsException("Error encountered trying to commit a transaction",
                new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."))));
        assertFalse(Monitor.isTransactionLostToABrokerRestart(new StreamsException("commit failed",
                new TransactionalIdAuthorizationException("not authorized"))), "a missing ACL must stop it with its message");
        assertFalse(Monitor.isTransactionLostToABrokerRestart(new IllegalStateException("a bug")));
    }

    @Test
    void aCauseThatStaysStopsTheMonitorInsteadOfReplacingThreadsForever() {
        Monitor.ThreadReplacements replacements = new Monitor.ThreadReplacements(3, Duration.ofMinutes(10));
        long minute = Duration.ofMinutes(1).toNanos();
        assertTrue(replacements.tryReplace(0));
        assertTrue(replacements.tryReplace(minute));
        assertTrue(replacements.tryReplace(2 * minute));
        assertFalse(replacements.tryReplace(3 * minute), "a fourth within ten minutes");
        assertTrue(replacements.tryReplace(11 * minute), "the first has left the window");
    }
}
