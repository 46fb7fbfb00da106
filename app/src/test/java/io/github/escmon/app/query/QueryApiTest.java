package io.github.escmon.app.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryApiTest {

    @Test
    void aDyadIsTwoDistinctActorsInEitherOrderAndCase() {
        assertEquals("IRN-PAK", QueryApi.parseDyad("IRN-PAK").key());
        assertEquals("IRN-PAK", QueryApi.parseDyad("PAK-IRN").key());
        assertEquals("IRN-PAK", QueryApi.parseDyad("pak-irn").key());
        for (String bad : new String[] {"IRN", "IRN-IRN", "IRN-PAK-IRQ", "-PAK", "IRN-", "I-PAK", "IR N-PAK", "IRN/PAK"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryApi.parseDyad(bad), bad);
            assertTrue(e.getMessage().contains("dyad"), e.getMessage());
        }
    }

    @Test
    void theEventLimitIsAWholeNumberUpToTheMaximum() {
        assertEquals(QueryApi.DEFAULT_EVENTS, QueryApi.eventLimit(null));
        assertEquals(0, QueryApi.eventLimit("0"));
        assertEquals(QueryApi.MAX_EVENTS, QueryApi.eventLimit(Integer.toString(QueryApi.MAX_EVENTS)));
        for (String bad : new String[] {"-1", "1001", "ten", "", "1e3"}) {
            assertThrows(IllegalArgumentException.class, () -> QueryApi.eventLimit(bad), bad);
        }
    }
}
