package io.github.escmon.app.cli;

import io.github.escmon.app.config.ConfigException;
import io.github.escmon.app.config.Durations;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.TopicSetup;
import io.github.escmon.app.output.JsonLinesWriter;
import io.github.escmon.app.output.Progress;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.app.security.CommandAcls;
import io.github.escmon.producer.follow.ExportFile;
import io.github.escmon.producer.follow.FollowListener;
import io.github.escmon.producer.follow.FollowSettings;
import io.github.escmon.producer.follow.FollowTally;
import io.github.escmon.producer.follow.Follower;
import io.github.escmon.producer.follow.PublisherSink;
import io.github.escmon.producer.publish.DeadLetterPublisher;
import io.github.escmon.producer.publish.FilePublisher;
import io.github.escmon.producer.publish.IncidentPublisher;
import io.github.escmon.producer.publish.Pacer;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.Sources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish a file of incidents to the 'incidents' topic, or follow GDELT 2.0 live (--gdelt-follow).",
                "",
                "Each valid row is sent keyed by its dyad with its event time as timestamp, with heartbeats to every",
                "partition as event time crosses tick boundaries; invalid rows are reported with their line numbers",
                "(and with --dlq also sent raw to the dead-letter topic). Creates the topics it writes to if they are missing.",
                "Exit code 0 when every row was published or unpaired, 2 when some were invalid.",
                "",
                "With --gdelt-follow (instead of FILE) it polls GDELT's update list and",
                "publishes each new 15-minute export file, and any missed since the last",
                "one finished (remembered in --state-dir); prints one line per file; sends",
                "a heartbeat to every partition every minute; runs until Ctrl-C."})
public final class ProduceCommand implements Callable<Integer>, ConnectsToKafka {

    private static final List<String> FOLLOW_OPTIONS = List.of("--url", "--state-dir", "--poll", "--heartbeat-lag");

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    SourceOptions source;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "Incidents: JSON Lines, a GDELT 2.0 or 1.0 export or an ACLED CSV (.zip and .gz too). Not with --gdelt-follow.")
    Path file;

    @Option(names = "--errors", paramLabel = "FILE", description = "Write invalid rows here: line number, field, reason (JSON Lines).")
    Path errorsOut;

    @Option(names = "--dlq", description = "Also send each invalid row, raw, to the dead-letter topic with its reason and line number.")
    boolean deadLetters;

    @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "max",
            description = "Pace of a FILE by event time: max (as fast as possible), Nx (event time runs N times faster than the wall clock, e.g. 60x) or realtime (default: ${DEFAULT-VALUE}).")
    String speed;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--gdelt-follow", description = "Follow GDELT 2.0 live instead of publishing a FILE, until Ctrl-C.")
    boolean follow;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://data.gdeltproject.org/gdeltv2/lastupdate.txt",
            description = "With --gdelt-follow: GDELT's update list (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "escmon-data/follow",
            description = "With --gdelt-follow: where the last file finished is remembered across restarts (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "15m",
            description = "With --gdelt-follow: how often to read the update list (default: ${DEFAULT-VALUE}).")
    String poll;

    @Option(names = "--heartbeat-lag", paramLabel = "DURATION", defaultValue = "15m",
            description = "With --gdelt-follow: the minute heartbeats carry the wall-clock time minus this, since GDELT's"
                    + " events arrive up to ~15 min behind it (default: ${DEFAULT-VALUE}).")
    String heartbeatLag;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Serve /health and /metrics (rows by outcome, the Kafka producer's metrics) on this port while publishing; for Prometheus to scrape a long --gdelt-follow. Off by default.")
    Integer httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds with --http-port (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String httpBind;

    private ClusterAccess access;

    @Override
    public ClusterAccess access() {
        return access;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        EscmonConfig config = kafka.configOrLocal(Map.of());
        access = ClusterAccess.of("produce", config, CommandAcls.produce(config, deadLetters));
        try (ProducerEndpoint endpoint = httpPort == null ? ProducerEndpoint.none()
                : ProducerEndpoint.open(httpBind, httpPort, config.duration("metrics.kafka-refresh"))) {
            return follow ? follow(config, endpoint) : publishFile(config, endpoint);
        }
    }

    private void checkOptions() {
        var parsed = spec.commandLine().getParseResult();
        if (follow == (file != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either a FILE to publish or --gdelt-follow, " + (follow ? "not both" : "one of them"));
        }
        if (follow) {
            for (String option : List.of("--errors", "--format", "--speed")) {
                if (parsed.hasMatchedOption(option)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option
                            + " applies to a FILE; --gdelt-follow reads GDELT 2.0 exports (use --dlq for invalid rows)");
                }
            }
        } else {
            for (String option : FOLLOW_OPTIONS) {
                if (parsed.hasMatchedOption(option)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option + " needs --gdelt-follow");
                }
            }
        }
    }

    private int publishFile(EscmonConfig config, ProducerEndpoint endpoint) throws Exception {
        try (Cluster cluster = Cluster.external(config);
             RowReader rows = source.open(file, config)) {
            ensureTopics(cluster, config);
            PublishReport report;
            try (var publisher = new IncidentPublisher(cluster.clientProperties(), config.topics().incidents(),
                    config.scoreParameters().tick());
                 var dlq = deadLetters ? new DeadLetterPublisher(cluster.clientProperties(), config.topics().deadLetter(),
                         file.getFileName().toString()) : null) {
                endpoint.bind(publisher);
                try (Progress progress = Progress.of("produce", rows, Files.size(file), quiet)) {
                    report = FilePublisher.publish(rows, publisher, dlq, progress, Pacer.parse(speed));
                }
                endpoint.add(report);
            }
            report.errors().stream().limit(20).forEach(e -> System.out.println("line " + e.line() + ": " + e.reason()));
            if (errorsOut != null) {
                JsonLinesWriter.write(errorsOut, report.errors());
            }
            System.out.printf("read %d: published %d, unpaired %d, invalid %d, heartbeat rows %d (%s to %s on %s; %d heartbeat records)%n",
                    report.read(), report.published(), report.unpaired(), report.invalid(), report.heartbeatLines(),
                    rows.format(), config.topics().incidents(), cluster.bootstrapServers(), report.heartbeats());
            return report.invalid() == 0 ? 0 : 2;
        }
    }

    /**
     * Creates the topics it writes to if they are missing; not the monitor's outputs, which a producer's user may
     * not even be allowed to see.
     */
    private void ensureTopics(Cluster cluster, EscmonConfig config) {
        List<String> written = deadLetters ? List.of(config.topics().incidents(), config.topics().deadLetter())
                : List.of(config.topics().incidents());
        TopicSetup.ensure(cluster.admin(), written, config.integer("topics.partitions"),
                (short) config.integer("topics.replication-factor"));
    }

    /** Follows GDELT until Ctrl-C or an interrupt of this thread; stops between files. */
    private int follow(EscmonConfig config, ProducerEndpoint endpoint) {
        Duration every = Durations.parse("--poll", poll);
        Duration lag = Durations.parse("--heartbeat-lag", heartbeatLag);
        if (every.isZero() || every.isNegative() || lag.isNegative()) {
            throw new ConfigException("--poll must be positive and --heartbeat-lag not negative, got " + poll + " and " + heartbeatLag);
        }
        FollowSettings defaults = FollowSettings.defaults(url, stateDir);
        FollowSettings settings = defaults.withPoll(every).withHeartbeats(defaults.heartbeatEvery(), lag);
        var tally = new FollowTally();
        FollowListener lines = new FollowListener() {
            @Override
            public void published(ExportFile f, PublishReport r) {
                tally.add(r);
                endpoint.add(r);
                System.out.printf("%s: rows %d, published %d, unpaired %d, invalid %d | total %s%n", f.name(), r.read(),
                        r.published(), r.unpaired(), r.invalid(), tally);
            }

            @Override
            public void skipped(ExportFile f, String reason) {
                tally.skip();
                System.out.printf("%s: skipped, %s | total %s%n", f.name(), reason, tally);
            }
        };
        try (ShutdownSignal signal = new ShutdownSignal();
             Cluster cluster = Cluster.external(config)) {
            ensureTopics(cluster, config);
            try (var publisher = new IncidentPublisher(cluster.clientProperties(), config.topics().incidents(),
                    config.scoreParameters().tick())) {
                endpoint.bind(publisher);
                var sink = new PublisherSink(publisher, !deadLetters ? null : name ->
                        new DeadLetterPublisher(cluster.clientProperties(), config.topics().deadLetter(), name));
                var follower = new Follower(settings, in -> Sources.open(in, Format.GDELT2, config.sourceSettings()),
                        sink, lines, Clock.systemUTC());
                Thread onCtrlC = new Thread(() -> {
                    try {
                        signal.await(Long.MAX_VALUE);
                        follower.stop();
                    } catch (InterruptedException e) {
                        // the command ended first
                    }
                }, "escmon-follow-stop");
                onCtrlC.setDaemon(true);
                onCtrlC.start();
                try {
                    follower.run();
                } finally {
                    onCtrlC.interrupt();
                    // an interrupt ends the follower like Ctrl-C; clear it so that the clients still close cleanly
                    Thread.interrupted();
                }
            }
            System.out.printf("stopped: %s to %s on %s%n", tally, config.topics().incidents(), cluster.bootstrapServers());
        }
        return 0;
    }
}
