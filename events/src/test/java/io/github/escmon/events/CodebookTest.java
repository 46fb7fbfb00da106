package io.github.escmon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GDELT's table as shipped: its values, and the parent fallback of SCORING.md §1. */
class CodebookTest {

    private final Codebook table = Codebook.standard();

    @Test
    void holdsTheWholePublishedTable() {
        assertEquals(311, table.size());
    }

    @Test
    void readsWeightsWithLeadingZerosKept() {
        assertEquals(-10.0, table.goldstein("195").getAsDouble());
        assertEquals(3.4, table.goldstein("0231").getAsDouble());
        assertEquals(1.0, table.goldstein("041").getAsDouble());
    }

    @Test
    void anUnlistedCodeFallsBackToItsNearestParent() {
        assertEquals(-7.0, table.goldstein("1384").getAsDouble(), "listed itself");
        assertEquals(-10.0, table.goldstein("1959").getAsDouble(), "1959 → 195");
        assertEquals(-4.4, table.goldstein("1309").getAsDouble(), "1309 → 130");
    }

    @Test
    void aCodeWithNoParentInTheTableHasNoWeight() {
        assertTrue(table.goldstein("99").isEmpty());
        assertTrue(table.goldstein("2").isEmpty());
    }
}
