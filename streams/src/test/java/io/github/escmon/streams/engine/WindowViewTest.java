package io.github.escmon.streams.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.DyadScore;
import io.github.escmon.events.TimelineRecord;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.testkit.golden.Golden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code /dyads/{dyad}} shows: a stored window, viewed without changing it, gives the numbers of the last
 * score record its dyad produced, and lists as many exchanges as that record counted, ending with its latest.
 */
class WindowViewTest {

    @ParameterizedTest
    @ValueSource(strings = {"/scenarios/iran-pakistan-2024.jsonl", "/golden/mixed.jsonl", "/golden/partitioning.jsonl"})
    void aStoredWindowShowsItsLastScoreRecord(String input) throws Exception {
        ScoreParameters p = ScoreParameters.defaults();
        Scenario scenario = new Scenario(p);
        int checked = 0;
        for (TimelineRecord record : Scenario.parse(Golden.lines(input))) {
            int before = scenario.scores.size();
            scenario.apply(List.of(record));
            Map<String, DyadScore> last = new LinkedHashMap<>();
            scenario.scores.subList(before, scenario.scores.size()).forEach(s -> last.put(s.dyad(), s));
            for (DyadScore expected : last.values()) {
                DyadWindow window = scenario.state.window(expected.dyad());
                var header = window.header();
                int logged = scenario.state.log(expected.dyad()).eventCount();
                DyadScore shown = window.current(p).orElseThrow();
                DyadScore again = window.current(p).orElseThrow();
                assertEquals(shown, again, "viewing does not change the window");
                assertEquals(header, window.header(), "stored state unchanged");
                assertEquals(logged, scenario.state.log(expected.dyad()).eventCount(), "its log unchanged");
                assertEquals(expected.at(), shown.at());
                assertEquals(expected.score(), shown.score(), 0.0, expected.dyad() + " at " + expected.at());
                assertEquals(expected.raw(), shown.raw(), 0.0);
                assertEquals(expected.hostilityAB(), shown.hostilityAB(), 0.0);
                assertEquals(expected.hostilityBA(), shown.hostilityBA(), 0.0);
                assertEquals(expected.cooperation(), shown.cooperation(), 0.0);
                assertEquals(expected.events(), shown.events());
                assertEquals(expected.evidence(), shown.evidence());
                var exchanges = new ArrayList<>(window.exchanges(p));
                assertEquals(expected.exchanges(), exchanges.size());
                if (!exchanges.isEmpty()) {
                    assertEquals(expected.lastExchange(), exchanges.get(exchanges.size() - 1));
                }
                checked++;
            }
        }
        assertTrue(checked > 10, "checked " + checked);
    }
}
