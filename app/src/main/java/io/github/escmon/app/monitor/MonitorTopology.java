package io.github.escmon.app.monitor;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.alerts.topology.AlertTopology;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.topology.ScoringSettings;
import io.github.escmon.streams.topology.ScoringTopology;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The monitor: scoring and alerting fused in one sub-topology ({@code incidents → scores → alerts}), each
 * step still writing its own topic. Fused, an alert commits in the same transaction as the score and the input
 * offset behind it, and the monitor is done with an input exactly when its input offsets are committed. Two
 * stateless leaves beside the sinks tell a {@link MonitorObserver} what is written (metrics).
 */
public final class MonitorTopology {

    public static final String SCORE_PROBE = "observe-scores";
    public static final String ALERT_PROBE = "observe-alerts";

    private MonitorTopology() {
    }

    public static Topology buildTopology(ScoringSettings scoring, AlertParameters alerts, Properties props) {
        return buildTopology(scoring, alerts, props, MonitorObserver.NONE);
    }

    public static Topology buildTopology(ScoringSettings scoring, AlertParameters alerts, Properties props,
                                         MonitorObserver observer) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, DyadScore> scores = ScoringTopology.addTo(builder, scoring);
        var emitFrom = scoring.bounds().emitFrom();
        KStream<String, Alert> raised = AlertTopology.attach(builder, scores, scoring.topics(), alerts, emitFrom);
        scores.processValues(() -> new ScoreProbe(observer, scoring.bounds()), Named.as(SCORE_PROBE));
        raised.processValues(() -> new AlertProbe(observer, emitFrom), Named.as(ALERT_PROBE));
        return builder.build(props);
    }
}
