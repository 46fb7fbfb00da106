package io.github.escmon.streams.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.Incident;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The evidence an event can add to a score or alert record is bounded, whatever the incident carries. */
class EventWeightsTest {

    private final EventWeights weights = new EventWeights(Codebook.standard(), ScoreParameters.defaults());

    private WindowEvent event(String summary, String url) {
        return weights.toWindowEvent(new Incident("x", Instant.parse("2024-01-01T00:00:00Z"), "IRN", "PAK", "195", null,
                0, 1.0, summary, url, null));
    }

    @Test
    void aLongSummaryIsCutToAThousandCharactersWithAnEllipsis() {
        String cut = event("s".repeat(400_000), null).summary();
        assertEquals(EventWeights.MAX_SUMMARY + 1, cut.length());
        assertEquals("s".repeat(EventWeights.MAX_SUMMARY) + "…", cut);
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String cut = event("😀".repeat(5_000), null).summary();
        assertEquals(EventWeights.MAX_SUMMARY + 1, cut.codePointCount(0, cut.length()));
        assertEquals("😀".repeat(EventWeights.MAX_SUMMARY) + "…", cut);
    }

    @Test
    void shortTextsAreKeptAsTheyAre() {
        String summary = "Pakistan strikes militant hideouts around Saravan";
        String url = "https://example.org/" + "a".repeat(EventWeights.MAX_URL - 20);
        WindowEvent e = event(summary, url);
        assertSame(summary, e.summary());
        assertSame(url, e.url());
        assertNull(event(null, null).summary());
    }

    @Test
    void aUrlTooLongToBeALinkIsDropped() {
        assertNull(event("s", "https://example.org/" + "a".repeat(EventWeights.MAX_URL)).url());
    }
}
