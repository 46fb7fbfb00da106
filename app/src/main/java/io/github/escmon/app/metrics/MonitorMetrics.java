package io.github.escmon.app.metrics;

import io.github.escmon.alerts.levels.AlertLevel;
import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.alerts.levels.DyadAlertState;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.MonitorObserver;
import io.github.escmon.app.query.LocalStores;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.streams.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * The monitor's own meters (every label has a bounded set of values):
 * <ul>
 *   <li>{@code escmon_incidents_total{outcome}}: each record read from {@code incidents}, by outcome;</li>
 *   <li>{@code escmon_score_records_total{trigger}}: score records written, {@code event} or {@code tick};</li>
 *   <li>{@code escmon_alerts_total{level,status}}: alert transitions written;</li>
 *   <li>{@code escmon_alerts_open{level}}: alerts open now on this instance's partitions;</li>
 *   <li>{@code escmon_dyad_score{dyad}}: the latest score of each dyad with an open alert or among the
 *       {@value #TOP_DYADS} highest on this instance, never one series per dyad ever seen;</li>
 *   <li>{@code escmon_alert_threshold{level}}: the configured thresholds, for drawing;</li>
 *   <li>{@code escmon_event_time_lag_seconds}: wall clock minus event time of each incident as it is processed;</li>
 *   <li>{@code escmon_alert_latency_seconds}: from the producer sending the record behind an alert to the alert
 *       going to its sink (the {@code escmon.produced-at} header), for alerts whose cause carries it.</li>
 * </ul>
 * Counters and timers are updated on the stream thread as records go out; the gauges are computed from the state
 * stores before each scrape.
 */
public final class MonitorMetrics implements MonitorObserver {

    public static final String INCIDENTS = "escmon.incidents";
    public static final String SCORE_RECORDS = "escmon.score.records";
    public static final String ALERTS = "escmon.alerts";
    public static final String ALERTS_OPEN = "escmon.alerts.open";
    public static final String DYAD_SCORE = "escmon.dyad.score";
    public static final String THRESHOLD = "escmon.alert.threshold";
    public static final String EVENT_TIME_LAG = "escmon.event.time.lag";
    public static final String ALERT_LATENCY = "escmon.alert.latency";
    /** How many of the highest-scoring dyads have a score series (besides those with an open alert). */
    public static final int TOP_DYADS = 20;

    private static final List<AlertLevel> LEVELS = List.of(AlertLevel.WATCH, AlertLevel.WARNING, AlertLevel.CRITICAL);

    private final Map<Outcome, Counter> incidents = new EnumMap<>(Outcome.class);
    private final Map<String, Counter> scoreRecords = new HashMap<>();
    private final Map<String, Counter> alerts = new HashMap<>();
    private final Map<AlertLevel, AtomicLong> open = new EnumMap<>(AlertLevel.class);
    private final Timer lag;
    private final Timer latency;
    private final MultiGauge dyadScores;
    private final DyadScoreBoard board = new DyadScoreBoard();
    private final Set<Integer> loadedPartitions = new HashSet<>();
    private volatile Monitor monitor;
    private volatile LocalStores stores;

    public MonitorMetrics(MeterRegistry registry, AlertParameters thresholds) {
        for (Outcome o : Outcome.values()) {
            incidents.put(o, Counter.builder(INCIDENTS)
                    .description("Records read from the incidents topic, by what became of them")
                    .tag("outcome", lower(o.name())).register(registry));
        }
        for (String trigger : List.of(DyadScore.EVENT, DyadScore.TICK)) {
            scoreRecords.put(trigger, Counter.builder(SCORE_RECORDS)
                    .description("Score records written, by what triggered them")
                    .tag("trigger", trigger).register(registry));
        }
        for (AlertLevel level : LEVELS) {
            for (String status : List.of(Alert.FIRING, Alert.RESOLVED)) {
                alerts.put(level.name() + "/" + status, Counter.builder(ALERTS)
                        .description("Alert transitions written, by level and status")
                        .tags("level", level.name(), "status", status).register(registry));
            }
            AtomicLong n = new AtomicLong();
            open.put(level, n);
            Gauge.builder(ALERTS_OPEN, n, AtomicLong::get)
                    .description("Alerts open now on this instance's partitions, by level")
                    .tag("level", level.name()).register(registry);
            Gauge.builder(THRESHOLD, thresholds, t -> t.threshold(level))
                    .description("The score at which an alert of this level fires")
                    .tag("level", level.name()).register(registry);
        }
        this.lag = Timer.builder(EVENT_TIME_LAG)
                .description("Wall clock minus event time of each incident as the monitor processes it")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
                        Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1),
                        Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365))
                .register(registry);
        this.latency = Timer.builder(ALERT_LATENCY)
                .description("From the producer sending the incident (or heartbeat) behind an alert to the alert being written")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5))
                .register(registry);
        this.dyadScores = MultiGauge.builder(DYAD_SCORE)
                .description("Latest score of each dyad with an open alert or among the " + TOP_DYADS + " highest on this instance")
                .register(registry);
    }

    /** Reads gauges from {@code monitor}'s stores from now on, and binds its Kafka Streams metrics. */
    public void bind(Monitor monitor, ProcessMetrics process) {
        this.monitor = monitor;
        this.stores = new LocalStores(monitor.streams());
        process.bindStreams(monitor.streams());
        process.beforeScrape(this::refresh);
    }

    @Override
    public void count(Outcome outcome) {
        incidents.get(outcome).increment();
    }

    @Override
    public void incident(Outcome outcome, Instant occurredAt) {
        incidents.get(outcome).increment();
        lag.record(Math.max(0, System.currentTimeMillis() - occurredAt.toEpochMilli()), TimeUnit.MILLISECONDS);
    }

    @Override
    public void score(DyadScore score, int partition) {
        Counter c = scoreRecords.get(score.trigger());
        if (c != null) {
            c.increment();
        }
        board.put(score.dyad(), score.score(), partition);
    }

    @Override
    public void alert(Alert alert, Long producedAt) {
        Counter c = alerts.get(alert.level() + "/" + alert.status());
        if (c != null) {
            c.increment();
        }
        if (producedAt != null) {
            latency.record(Math.max(0, System.currentTimeMillis() - producedAt), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Recomputes the gauges from this instance's stores: open alerts by level, and the scores of the dyads with an
     * open alert or among the highest. Partitions that arrived since the last scrape are read from the window
     * store first (after a restart or a rebalance); partitions that left are dropped. Skipped (gauges keep their
     * values) while the stores cannot be queried.
     */
    synchronized void refresh() {
        Monitor m = monitor;
        if (m == null || m.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        try {
            Set<Integer> local = m.localPartitions();
            board.retainPartitions(local);
            loadedPartitions.retainAll(local);
            for (int p : local) {
                if (loadedPartitions.add(p)) {
                    stores.forEachHeader(p, (dyad, header) -> board.putIfAbsent(dyad, header.lastScore(), p));
                }
            }
            Map<String, DyadAlertState> openAlerts = stores.openAlerts();
            Map<AlertLevel, Long> byLevel = new EnumMap<>(AlertLevel.class);
            openAlerts.values().forEach(s -> byLevel.merge(s.level(), 1L, Long::sum));
            LEVELS.forEach(l -> open.get(l).set(byLevel.getOrDefault(l, 0L)));

            Map<String, Double> shown = new LinkedHashMap<>();
            board.top(TOP_DYADS).forEach(e -> shown.put(e.getKey(), e.getValue()));
            for (String dyad : openAlerts.keySet()) {
                Double s = board.score(dyad);
                shown.putIfAbsent(dyad, s != null ? s : stores.header(dyad).map(h -> h.lastScore()).orElse(0.0));
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            shown.forEach((dyad, s) -> rows.add(MultiGauge.Row.of(Tags.of("dyad", dyad), s)));
            dyadScores.register(rows, true);
        } catch (InvalidStateStoreException e) {
            loadedPartitions.clear(); // read them again once the stores are back
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
