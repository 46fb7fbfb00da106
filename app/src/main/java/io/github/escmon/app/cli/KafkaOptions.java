package io.github.escmon.app.cli;

import io.github.escmon.app.config.ConfigException;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.config.SecretSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options every command shares: where Kafka is, the config file, and single settings. */
public final class KafkaOptions {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaOptions.class);

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
            description = "One setting, e.g. --set alert.critical=6 --set score.half-life=48h (repeatable). "
                    + "Not for secrets (kafka.sasl.jaas.config, passwords): any user of the machine can read a command line; "
                    + "put them in the --config file or the environment.")
    Map<String, String> settings = new LinkedHashMap<>();

    /**
     * The layered configuration; {@code extra} are the command's own flags, which win.
     *
     * @throws ConfigException if a {@code --set} carries a secret
     */
    public EscmonConfig config(Map<String, String> extra) {
        refuseSecrets(settings);
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.putAll(extra);
        if (bootstrapServers != null) {
            overrides.put("bootstrap.servers", bootstrapServers);
        }
        EscmonConfig config = EscmonConfig.load(configFile, System.getenv(), overrides);
        LOG.debug("Settings: {}", config);
        return config;
    }

    /**
     * A secret on the command line is visible to every user of the machine ({@code ps}, {@code /proc}) and stays in
     * shell histories, so it is refused before anything connects; the message names the setting, never its value.
     */
    static void refuseSecrets(Map<String, String> flags) {
        for (String key : flags.keySet()) {
            if (SecretSettings.isSecret(key)) {
                throw new ConfigException("--set " + key + ": a secret is not accepted on the command line, where any "
                        + "user of this machine can read it (ps); put it in the --config file (" + key + "=...) or the "
                        + "environment (" + EscmonConfig.envName(key) + ")");
            }
        }
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
