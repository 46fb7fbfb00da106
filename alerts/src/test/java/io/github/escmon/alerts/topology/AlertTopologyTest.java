package io.github.escmon.alerts.topology;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.TopicNames;
import io.github.escmon.testkit.golden.Golden;
import io.github.escmon.testkit.golden.GoldenRecords;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alert topology fed the reference's score records must emit exactly the reference's alerts. */
class AlertTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private TopologyTestDriver driver;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        driver = new TopologyTestDriver(AlertTopology.buildTopology(TOPICS, AlertParameters.defaults(), props), props);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/golden/iran-pakistan-2024.scores.jsonl, /golden/iran-pakistan-2024.alerts.jsonl",
            "/golden/mixed.scores.jsonl,              /golden/mixed.alerts.jsonl",
            "/golden/partitioning.scores.jsonl,       /golden/partitioning.alerts.jsonl"})
    void alertsEqualTheReference(String scores, String alerts) {
        var in = driver.createInputTopic(TOPICS.scores(), new StringSerializer(), new StringSerializer());
        var out = driver.createOutputTopic(TOPICS.alerts(), new StringDeserializer(), new StringDeserializer());
        for (var score : Golden.records(scores)) {
            in.pipeInput(score.get("dyad").asText(), score.toString());
        }
        GoldenRecords.assertAlertsMatch(Golden.records(alerts),
                out.readValuesToList().stream().map(Golden::parse).toList());
    }
}
