package io.github.escmon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DyadTest {

    @Test
    void actorsAreInAlphabeticalOrderWhateverTheDirection() {
        assertEquals("IRN-PAK", Dyad.of("PAK", "IRN").key());
        assertEquals(Dyad.of("IRN", "PAK"), Dyad.of("PAK", "IRN"));
        assertTrue(Dyad.of("PAK", "IRN").isForward("IRN"));
        assertFalse(Dyad.of("PAK", "IRN").isForward("PAK"));
    }

    @Test
    void parsesItsKeyAndRejectsAnythingElse() {
        assertEquals(new Dyad("IRN", "PAK"), Dyad.parse("IRN-PAK"));
        assertThrows(IllegalArgumentException.class, () -> Dyad.parse("PAK-IRN"));
        assertThrows(IllegalArgumentException.class, () -> Dyad.parse("IRN-IRN"));
        assertThrows(IllegalArgumentException.class, () -> Dyad.parse("../etc"));
        assertThrows(IllegalArgumentException.class, () -> Dyad.parse(null));
    }
}
