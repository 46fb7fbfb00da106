package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.escmon.app.config.EscmonConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangedSettingsTest {

    @Test
    void showsChangedRulesButNeverKafkaSettingsTopicsOrStateDirectories() {
        EscmonConfig config = EscmonConfig.load(null, Map.of("KAFKA_SASL_JAAS_CONFIG", "secret"), Map.of(
                "alert.critical", "6", "score.half-life", "48h", "alert.watch", "3",
                "application.id", "escmon-backtest-1", "state.dir", "/tmp/x", "topics.partitions", "1"));
        assertEquals(Map.of("alert.critical", "6", "score.half-life", "48h"), ChangedSettings.of(config));
    }

    @Test
    void defaultsChangeNothing() {
        assertEquals(Map.of(), ChangedSettings.of(EscmonConfig.defaultsOnly()));
    }
}
