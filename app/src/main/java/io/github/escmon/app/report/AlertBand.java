package io.github.escmon.app.report;

import io.github.escmon.events.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of time a dyad spent at one alert level: from a FIRING transition to the dyad's next transition,
 * or to {@code end} when the alert is still open when the records end.
 */
record AlertBand(String level, Instant from, Instant to, boolean open) {

    /** @param alerts one dyad's alert records in time order */
    static List<AlertBand> of(List<Alert> alerts, Instant end) {
        List<AlertBand> bands = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            Alert a = alerts.get(i);
            if (!Alert.FIRING.equals(a.status())) {
                continue;
            }
            boolean last = i + 1 == alerts.size();
            Instant to = last ? end : alerts.get(i + 1).at();
            if (to.isBefore(a.at())) {
                to = a.at();
            }
            bands.add(new AlertBand(a.level(), a.at(), to, last));
        }
        return bands;
    }
}
