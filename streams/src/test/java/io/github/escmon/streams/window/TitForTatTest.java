package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TitForTatTest {

    private static final long HOUR = 3_600_000L;
    private static final long LAG = 72 * HOUR;

    private static WindowEvent ev(String id, double hours, boolean ab, double h) {
        return new WindowEvent(id, Math.round(hours * HOUR), ab, h, 0, "195", 0, null, null);
    }

    private static TitForTat.Result find(WindowEvent... events) {
        List<WindowEvent> sorted = new ArrayList<>(List.of(events));
        sorted.sort(WindowEvent.ORDER);
        return TitForTat.find(sorted, Long.MAX_VALUE, LAG, "IRN", "PAK");
    }

    @Test
    void aStrikeBackWithinTheLagIsAnExchange() {
        var r = find(ev("p", 0, true, 10), ev("r", 32, false, 13.88552));
        assertEquals(1, r.exchanges());
        assertEquals("p", r.last().provocation());
        assertEquals("r", r.last().response());
        assertEquals("PAK", r.last().from());
        assertEquals("IRN", r.last().to());
        assertEquals(32.0, r.last().lagHours());
        assertEquals(1.388552, r.last().ratio(), 1e-12);
    }

    @Test
    void actsAtTheSameInstantAreNotResponses() {
        assertEquals(0, find(ev("p", 5, true, 10), ev("r", 5, false, 10)).exchanges());
    }

    @Test
    void theLagBoundIsInclusive() {
        assertEquals(1, find(ev("p", 0, true, 10), ev("r", 72, false, 10)).exchanges());
        assertEquals(0, find(ev("p", 0, true, 10), ev("r", 72.001, false, 10)).exchanges());
    }

    @Test
    void theProvocationIsTheLatestEarlierActTheOtherWay() {
        var r = find(ev("p1", 0, true, 10), ev("p2", 10, true, 5), ev("r", 20, false, 10));
        assertEquals("p2", r.last().provocation());
        assertEquals(10.0, r.last().lagHours());
        assertEquals(2.0, r.last().ratio(), 1e-12);
    }

    @Test
    void aResponseToAResponseCountsAgain() {
        var r = find(ev("a", 0, true, 10), ev("b", 10, false, 10), ev("c", 20, true, 5));
        assertEquals(2, r.exchanges());
        assertEquals("b", r.last().provocation());
        assertEquals("IRN", r.last().from());
        assertEquals(0.5, r.last().ratio(), 1e-12);
    }

    @Test
    void actsInTheSameDirectionAndNonHostileActsAreNotExchanges() {
        var r = find(ev("a", 0, true, 10), ev("b", 1, true, 10), ev("coop", 2, false, 0));
        assertEquals(0, r.exchanges());
        assertNull(r.last());
    }

    @Test
    void roundingIsHalfEvenOnTheExactValueAsInTheReference() {
        assertEquals(0.333333, TitForTat.round6(1.0 / 3), 0);
        assertEquals(1.388552, TitForTat.round6(1.3885524), 0);
    }
}
