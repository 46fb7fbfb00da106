package io.github.escmon.app.config;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.Codebook;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.TopicNames;
import io.github.escmon.producer.source.SourceSettings;
import io.github.escmon.streams.window.ScoreParameters;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one place that reads configuration. Layers, later wins: built-in defaults, a properties file,
 * environment variables ({@code ESCMON_SCORE_HALF_LIFE} → {@code score.half-life}, {@code KAFKA_X_Y} →
 * Kafka client setting {@code x.y}), then command-line flags. Everything else gets typed values from here.
 */
public final class EscmonConfig {

    /** Every escmon setting with its default; Kafka client settings go under {@code kafka.}. */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> values;

    private EscmonConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new TreeMap<>();
        d.put("application.id", "escmon");
        d.put("state.dir", Path.of(System.getProperty("java.io.tmpdir"), "escmon-state").toString());
        d.put("processing.guarantee", "exactly_once_v2");
        d.put("num.stream.threads", "1");
        d.put("topics.incidents", TopicNames.INCIDENTS);
        d.put("topics.dead-letter", TopicNames.DEAD_LETTER);
        d.put("topics.scores", TopicNames.SCORES);
        d.put("topics.alerts", TopicNames.ALERTS);
        d.put("topics.partitions", "6");
        d.put("topics.replication-factor", "-1");
        d.put("score.half-life", "72h");
        d.put("score.window", "14d");
        d.put("score.exchange-lag", "72h");
        d.put("score.hostile-max-goldstein", "-4.0");
        d.put("score.fatality-weight", "0.5");
        d.put("score.cooperation-weight", "0.5");
        d.put("score.scale", "40");
        d.put("score.tick", "1h");
        d.put("score.tick-floor", "1.0");
        d.put("alert.watch", "3");
        d.put("alert.warning", "5");
        d.put("alert.critical", "7");
        d.put("alert.hysteresis", "1.0");
        d.put("alert.hold", "24h");
        d.put("incident.max-future", "30m");
        d.put("source.actor-level", "country");
        d.put("metrics.kafka-refresh", "15s");
        return d;
    }

    /**
     * @param file      a properties file, or null
     * @param env       the environment ({@code System.getenv()})
     * @param overrides flag values, winning over everything
     */
    public static EscmonConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>(DEFAULTS);
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
            }
            p.stringPropertyNames().forEach(k -> v.put(k, p.getProperty(k).trim()));
        }
        env.forEach((name, value) -> {
            if (name.startsWith("ESCMON_")) {
                v.put(fromEnv(name.substring("ESCMON_".length()), DEFAULTS.keySet()), value);
            } else if (name.startsWith("KAFKA_")) {
                v.put("kafka." + name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        v.putAll(overrides);
        EscmonConfig config = new EscmonConfig(v);
        config.validate();
        return config;
    }

    public static EscmonConfig defaultsOnly() {
        return load(null, Map.of(), Map.of());
    }

    /** {@code SCORE_HALF_LIFE} → {@code score.half-life}: the known key whose spelling matches, else dotted. */
    static String fromEnv(String suffix, Set<String> known) {
        String canonical = suffix.toLowerCase(Locale.ROOT);
        for (String key : known) {
            if (key.replace('.', '_').replace('-', '_').equals(canonical)) {
                return key;
            }
        }
        return canonical.replace('_', '.');
    }

    /** The same configuration with some values replaced. */
    public EscmonConfig with(Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>(values);
        v.putAll(overrides);
        EscmonConfig config = new EscmonConfig(v);
        config.validate();
        return config;
    }

    private void validate() {
        scoreParameters();
        alertParameters();
        integer("topics.partitions");
        duration("incident.max-future");
        sourceSettings();
        for (String key : values.keySet()) {
            if (!DEFAULTS.containsKey(key) && !key.startsWith("kafka.") && !key.equals("bootstrap.servers")) {
                throw new ConfigException("unknown setting '" + key + "'; known settings: " + DEFAULTS.keySet()
                        + ", bootstrap.servers, and Kafka client settings as kafka.<name>");
            }
        }
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new ConfigException("missing setting '" + key + "'");
        }
        return v;
    }

    public String getOrNull(String key) {
        return values.get(key);
    }

    public Map<String, String> asMap() {
        return values;
    }

    /** Every setting, secrets (see {@link SecretSettings}) as {@value SecretSettings#HIDDEN}: safe to log. */
    @Override
    public String toString() {
        return "EscmonConfig" + SecretSettings.masked(values);
    }

    /** The environment variable that sets {@code key} ({@code kafka.sasl.jaas.config} → {@code KAFKA_SASL_JAAS_CONFIG}). */
    public static String envName(String key) {
        String name = key.startsWith("kafka.") ? key : "escmon." + key;
        return name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public ScoreParameters scoreParameters() {
        try {
            return new ScoreParameters(duration("score.half-life"), duration("score.window"),
                    duration("score.exchange-lag"), number("score.hostile-max-goldstein"),
                    number("score.fatality-weight"), number("score.cooperation-weight"), number("score.scale"),
                    duration("score.tick"), number("score.tick-floor"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public AlertParameters alertParameters() {
        try {
            return new AlertParameters(number("alert.watch"), number("alert.warning"), number("alert.critical"),
                    number("alert.hysteresis"), duration("alert.hold"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    public TopicNames topics() {
        return new TopicNames(get("topics.incidents"), get("topics.dead-letter"), get("topics.scores"),
                get("topics.alerts"));
    }

    public IncidentValidator validator() {
        return new IncidentValidator(Codebook.standard(), Clock.systemUTC(), duration("incident.max-future"));
    }

    /** What source readers need: validation, and for GDELT whether actors are countries or full actor codes. */
    public SourceSettings sourceSettings() {
        String level = get("source.actor-level");
        try {
            return new SourceSettings(validator(), SourceSettings.ActorLevel.valueOf(level.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("source.actor-level: expected country or actor, got '" + level + "'");
        }
    }

    /** Kafka client settings: {@code bootstrap.servers} and everything under {@code kafka.}. */
    public Properties kafkaClientProperties() {
        Properties p = new Properties();
        values.forEach((k, v) -> {
            if (k.startsWith("kafka.")) {
                p.put(k.substring("kafka.".length()), v);
            }
        });
        String bootstrap = values.get("bootstrap.servers");
        if (bootstrap != null) {
            p.put("bootstrap.servers", bootstrap);
        }
        return p;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a whole number: '" + get(key) + "'");
        }
    }

    public double number(String key) {
        try {
            return Double.parseDouble(get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": not a number: '" + get(key) + "'");
        }
    }

    public Duration duration(String key) {
        return Durations.parse(key, get(key));
    }
}
