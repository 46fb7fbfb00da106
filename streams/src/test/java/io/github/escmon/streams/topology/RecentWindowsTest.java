package io.github.escmon.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Dyad;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.streams.window.WindowEvent;
import org.junit.jupiter.api.Test;

class RecentWindowsTest {

    /** A window whose evidence carries a summary of {@code summary} characters: its heap size grows with it. */
    private static DyadWindow window(String a, String b, int summary) {
        DyadWindow w = new DyadWindow(new Dyad(a, b));
        w.onEvent(new WindowEvent(a + b, 1_000L, true, 1.0, 0.0, "190", 0, "x".repeat(summary), null),
                ScoreParameters.defaults());
        return w;
    }

    private static long bytes(int summary) {
        return window("A", "B", summary).heapBytes();
    }

    @Test
    void aWindowsHeapGrowsWithItsEvidenceTextsNotWithItsEvents() {
        DyadWindow w = new DyadWindow(new Dyad("A", "B"));
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 20_000; i++) {
            w.onEvent(new WindowEvent("e" + i, t + i * 60_000L, i % 2 == 0, i % 7 == 0 ? 10 : 0, 1.0, "190", 0, "s", null),
                    ScoreParameters.defaults());
        }
        assertEquals(20_000, w.size());
        assertTrue(w.heapBytes() < 2_000, "a 20,000-event window takes " + w.heapBytes() + " bytes as an object");
        assertTrue(bytes(100_000) > 200_000, "a 100,000-character summary in the evidence counts");
    }

    @Test
    void theLeastRecentlyUsedGoWhenTheBytesExceedTheBound() {
        long each = bytes(10_000);
        RecentWindows recent = new RecentWindows(1_000, each * 5 / 2);
        recent.put("A-B", window("A", "B", 10_000));
        recent.put("A-C", window("A", "C", 10_000));
        recent.get("A-B"); // A-C is now the least recently used
        recent.put("A-D", window("A", "D", 10_000));
        assertNull(recent.get("A-C"));
        assertNotNull(recent.get("A-B"));
        assertNotNull(recent.get("A-D"));
        assertEquals(2 * each, recent.bytes());
    }

    @Test
    void aWindowThatGrewIsCountedAtItsNewSize() {
        long small = bytes(1_000);
        long large = bytes(20_000);
        RecentWindows recent = new RecentWindows(1_000, large + small / 2);
        recent.put("A-B", window("A", "B", 1_000));
        recent.put("A-C", window("A", "C", 1_000));
        recent.put("A-B", window("A", "B", 20_000)); // A-B grew past the bound with A-C, so A-C goes
        assertNull(recent.get("A-C"));
        assertEquals(large, recent.bytes());
        assertEquals(1, recent.windows());
    }

    @Test
    void aWindowLargerThanTheBoundStaysAlone() {
        RecentWindows recent = new RecentWindows(1_000, bytes(100));
        recent.put("A-B", window("A", "B", 100));
        DyadWindow hot = window("A", "C", 50_000);
        recent.put("A-C", hot);
        assertSame(hot, recent.get("A-C"));
        assertEquals(1, recent.windows());
    }

    @Test
    void theWindowCountIsBoundedToo() {
        RecentWindows recent = new RecentWindows(2, Long.MAX_VALUE);
        recent.put("A-B", window("A", "B", 1));
        recent.put("A-C", window("A", "C", 1));
        recent.put("A-D", window("A", "D", 1));
        assertEquals(2, recent.windows());
        assertNull(recent.get("A-B"));
    }

    @Test
    void zeroKeepsNothing() {
        RecentWindows recent = new RecentWindows(0, Long.MAX_VALUE);
        recent.put("A-B", window("A", "B", 1));
        assertNull(recent.get("A-B"));
        assertEquals(0, recent.bytes());
    }
}
