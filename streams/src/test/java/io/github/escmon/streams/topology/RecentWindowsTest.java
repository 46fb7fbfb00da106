package io.github.escmon.streams.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.escmon.events.Dyad;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentWindowsTest {

    private static DyadWindow window(String a, String b, int events) {
        List<WindowEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(new WindowEvent(a + b + i, i * 1_000L, true, 1.0, 0.0, "190", 0, null, null));
        }
        return DyadWindow.restore(new DyadWindow(new Dyad(a, b)).header(), list);
    }

    @Test
    void theLeastRecentlyUsedGoWhenTheEventsExceedTheBound() {
        RecentWindows recent = new RecentWindows(1_000, 100);
        recent.put("A-B", window("A", "B", 40));
        recent.put("A-C", window("A", "C", 40));
        recent.get("A-B"); // A-C is now the least recently used
        recent.put("A-D", window("A", "D", 40));
        assertNull(recent.get("A-C"));
        assertNotNull(recent.get("A-B"));
        assertNotNull(recent.get("A-D"));
        assertEquals(80, recent.events());
    }

    @Test
    void aWindowThatGrewIsCountedAtItsNewSize() {
        RecentWindows recent = new RecentWindows(1_000, 100);
        recent.put("A-B", window("A", "B", 10));
        recent.put("A-C", window("A", "C", 10));
        recent.put("A-B", window("A", "B", 95)); // A-B grew: 105 in all, so A-C goes
        assertNull(recent.get("A-C"));
        assertEquals(95, recent.events());
        assertEquals(1, recent.windows());
    }

    @Test
    void aWindowLargerThanTheBoundStaysAlone() {
        RecentWindows recent = new RecentWindows(1_000, 100);
        recent.put("A-B", window("A", "B", 5));
        DyadWindow hot = window("A", "C", 500);
        recent.put("A-C", hot);
        assertSame(hot, recent.get("A-C"));
        assertEquals(1, recent.windows());
    }

    @Test
    void theWindowCountIsBoundedToo() {
        RecentWindows recent = new RecentWindows(2, 1_000_000);
        recent.put("A-B", window("A", "B", 1));
        recent.put("A-C", window("A", "C", 1));
        recent.put("A-D", window("A", "D", 1));
        assertEquals(2, recent.windows());
        assertNull(recent.get("A-B"));
    }

    @Test
    void zeroKeepsNothing() {
        RecentWindows recent = new RecentWindows(0, 100);
        recent.put("A-B", window("A", "B", 1));
        assertNull(recent.get("A-B"));
        assertEquals(0, recent.events());
    }
}
