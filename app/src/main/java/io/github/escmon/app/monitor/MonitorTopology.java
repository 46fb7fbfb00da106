package io.github.escmon.app.monitor;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.alerts.topology.AlertTopology;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.topology.ScoringSettings;
import io.github.escmon.streams.topology.ScoringTopology;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The monitor: scoring and alerting fused in one sub-topology ({@code incidents → scores → alerts}), each
 * step still writing its own topic. Fused, an alert commits in the same transaction as the score and the input
 * offset behind it, and the monitor is done with an input exactly when its input offsets are committed.
 */
public final class MonitorTopology {

    private MonitorTopology() {
    }

    public static Topology buildTopology(ScoringSettings scoring, AlertParameters alerts, Properties props) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, DyadScore> scores = ScoringTopology.addTo(builder, scoring);
        AlertTopology.attach(builder, scores, scoring.topics(), alerts, scoring.bounds().emitFrom());
        return builder.build(props);
    }
}
