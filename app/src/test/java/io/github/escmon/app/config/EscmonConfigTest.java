package io.github.escmon.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscmonConfigTest {

    @Test
    void defaultsAreTheNumbersOfScoringMd() {
        var c = EscmonConfig.defaultsOnly();
        assertEquals(Duration.ofHours(72), c.scoreParameters().halfLife());
        assertEquals(Duration.ofDays(14), c.scoreParameters().window());
        assertEquals(Duration.ofHours(72), c.scoreParameters().exchangeLag());
        assertEquals(40.0, c.scoreParameters().scale());
        assertEquals(Duration.ofHours(1), c.scoreParameters().tick());
        assertEquals(7.0, c.alertParameters().critical());
        assertEquals(Duration.ofHours(24), c.alertParameters().hold());
        assertEquals("exactly_once_v2", c.get("processing.guarantee"));
    }

    @Test
    void fileThenEnvironmentThenFlagsEachWin(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("escmon.properties");
        Files.writeString(file, "alert.critical=8\nalert.warning=6\nscore.half-life=48h\nkafka.security.protocol=SASL_SSL\n");
        var c = EscmonConfig.load(file,
                Map.of("ESCMON_ALERT_WARNING", "5.5", "ESCMON_SCORE_HALF_LIFE", "36h", "KAFKA_SASL_MECHANISM", "PLAIN", "HOME", "/root"),
                Map.of("score.half-life", "24h"));
        assertEquals(8.0, c.alertParameters().critical(), "from the file");
        assertEquals(5.5, c.alertParameters().warning(), "the environment beats the file");
        assertEquals(Duration.ofHours(24), c.scoreParameters().halfLife(), "a flag beats both");
        assertEquals("SASL_SSL", c.kafkaClientProperties().getProperty("security.protocol"));
        assertEquals("PLAIN", c.kafkaClientProperties().getProperty("sasl.mechanism"));
    }

    @Test
    void aJaasConfigWithQuotesEqualsAndSemicolonsSurvivesTheEnvironmentAndTheFile(@TempDir Path dir) throws IOException {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"escmon\" password=\"a=b;c\";";
        var fromEnv = EscmonConfig.load(null, Map.of("KAFKA_SASL_JAAS_CONFIG", jaas), Map.of());
        assertEquals(jaas, fromEnv.kafkaClientProperties().getProperty("sasl.jaas.config"));

        Path file = dir.resolve("escmon.properties");
        Files.writeString(file, "kafka.sasl.jaas.config=" + jaas + "\n");
        var fromFile = EscmonConfig.load(file, Map.of(), Map.of());
        assertEquals(jaas, fromFile.kafkaClientProperties().getProperty("sasl.jaas.config"));
    }

    @Test
    void environmentNamesFollowTheSettings() {
        assertEquals("KAFKA_SASL_JAAS_CONFIG", EscmonConfig.envName("kafka.sasl.jaas.config"));
        assertEquals("ESCMON_SCORE_HALF_LIFE", EscmonConfig.envName("score.half-life"));
        var c = EscmonConfig.load(null, Map.of(EscmonConfig.envName("score.half-life"), "36h"), Map.of());
        assertEquals(Duration.ofHours(36), c.scoreParameters().halfLife());
    }

    @Test
    void anUnknownSettingIsRejectedWithTheListOfKnownOnes() {
        var e = assertThrows(ConfigException.class, () -> EscmonConfig.load(null, Map.of(), Map.of("alert.critcal", "6")));
        assertTrue(e.getMessage().startsWith("unknown setting 'alert.critcal'"), e.getMessage());
        assertTrue(e.getMessage().contains("alert.critical"), e.getMessage());
    }

    @Test
    void malformedValuesSayWhatIsExpected() {
        var e = assertThrows(ConfigException.class, () -> EscmonConfig.load(null, Map.of(), Map.of("score.window", "two weeks")));
        assertEquals("score.window: not a duration: 'two weeks' (write 72h, 14d, 30m, 90s or PT72H)", e.getMessage());
        var t = assertThrows(ConfigException.class, () -> EscmonConfig.load(null, Map.of(), Map.of("alert.warning", "8")));
        assertTrue(t.getMessage().startsWith("alert thresholds must rise"), t.getMessage());
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals(Duration.ofMinutes(90), Durations.parse("x", "90m"));
        assertEquals(Duration.ofDays(14), Durations.parse("x", "14d"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("x", "1.5h"));
        assertEquals(Duration.ofHours(72), Durations.parse("x", "PT72H"));
    }
}
