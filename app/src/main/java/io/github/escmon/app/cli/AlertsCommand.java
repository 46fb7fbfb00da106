package io.github.escmon.app.cli;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.output.AlertLine;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.app.security.CommandAcls;
import io.github.escmon.events.Alert;
import io.github.escmon.events.Json;
import io.github.escmon.events.JsonSerde;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"Print alerts from the 'escalation-alerts' topic, as a subscriber sees them.",
                "",
                "Reads committed alerts from the beginning of the topic; --follow keeps printing new ones until Ctrl-C."})
public final class AlertsCommand implements Callable<Integer>, ConnectsToKafka {

    /** Levels a subscriber can ask for: this level and above. */
    public enum Level { WATCH, WARNING, CRITICAL }

    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new alerts until Ctrl-C.")
    boolean follow;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Only alerts at this level or above: ${COMPLETION-CANDIDATES}.")
    Level level;

    @Option(names = "--json", description = "Print each alert as its JSON record instead of a readable line.")
    boolean json;

    private ClusterAccess access;

    @Override
    public ClusterAccess access() {
        return access;
    }

    @Override
    public Integer call() throws Exception {
        EscmonConfig config = kafka.configOrLocal(Map.of());
        access = ClusterAccess.of("alerts", config, CommandAcls.alerts(config));
        try (ShutdownSignal signal = new ShutdownSignal();
             var reader = new TopicReader<>(config.kafkaClientProperties(), config.topics().alerts(),
                     new JsonSerde<>(Alert.class).deserializer())) {
            do {
                reader.poll(Duration.ofMillis(200), r -> print(r.value()));
            } while ((follow || !reader.atEnd()) && !signal.isRequested());
        }
        return 0;
    }

    private void print(Alert alert) {
        if (level != null && Level.valueOf(alert.level()).ordinal() < level.ordinal()) {
            return;
        }
        try {
            System.out.println(json ? Json.MAPPER.writeValueAsString(alert) : AlertLine.format(alert));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
