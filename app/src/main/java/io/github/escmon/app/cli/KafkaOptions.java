package io.github.escmon.app.cli;

import io.github.escmon.app.config.EscmonConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: where Kafka is, the config file, and single settings. */
public final class KafkaOptions {

    /** Where the embedded broker of {@code escmon run} or {@code escmon demo --follow} listens by default. */
    public static final String LOCAL = "127.0.0.1:9092";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
            description = "Kafka cluster to use. Without it, demo, run and backtest start an embedded broker; "
                    + "produce and alerts use 127.0.0.1:9092 (the embedded broker of a running 'escmon run' or 'escmon demo --follow').")
    String bootstrapServers;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file of settings (score.*, alert.*, topics.*, kafka.<client setting>). "
                    + "Environment variables ESCMON_<SETTING> and KAFKA_<CLIENT_SETTING> override it; flags override both.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "One setting, e.g. --set alert.critical=6 --set score.half-life=48h (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The layered configuration; {@code extra} are the command's own flags, which win. */
    public EscmonConfig config(Map<String, String> extra) {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.putAll(extra);
        if (bootstrapServers != null) {
            overrides.put("bootstrap.servers", bootstrapServers);
        }
        return EscmonConfig.load(configFile, System.getenv(), overrides);
    }

    /** As {@link #config(Map)}, with {@code 127.0.0.1:9092} (a local escmon's embedded broker) when no cluster is set. */
    public EscmonConfig configOrLocal(Map<String, String> extra) {
        EscmonConfig config = config(extra);
        return hasCluster(config) ? config : config.with(Map.of("bootstrap.servers", LOCAL));
    }

    public boolean hasCluster(EscmonConfig config) {
        return config.getOrNull("bootstrap.servers") != null;
    }
}
