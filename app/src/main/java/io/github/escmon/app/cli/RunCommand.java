package io.github.escmon.app.cli;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.http.MonitorHttpServer;
import io.github.escmon.app.http.MonitorMetrics;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Monitor;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the scoring and alert topologies until Ctrl-C.",
                "",
                "Reads 'incidents', writes 'escalation-scores', 'escalation-alerts' and, for bad records, 'incidents-dlq' (names are settings). Several 'escmon run' processes with one application.id share the partitions. Without --bootstrap-servers it starts an embedded broker that keeps its data in --data-dir."})
public final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE}; a free port if it is taken).")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "escmon-data/kafka",
            description = "Where the embedded broker keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (setting state.dir).")
    Path stateDir;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of /health, /ready and /metrics (default: ${DEFAULT-VALUE}, or a free port if that is taken; 0: a free port; logged).")
    int httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String httpBind;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EscmonConfig base = kafka.config(stateDir == null ? Map.of() : Map.of("state.dir", stateDir.toString()));
        try (ShutdownSignal signal = new ShutdownSignal();
             Cluster cluster = kafka.hasCluster(base) ? Cluster.external(base) : Cluster.embedded(base, dataDir, port)) {
            EscmonConfig config = cluster.config();
            Backtest.ensureTopics(cluster, config);
            try (Monitor monitor = new Monitor(config);
                 MonitorMetrics metrics = MonitorMetrics.bind(monitor);
                 MonitorHttpServer http = startHttp(monitor, metrics)) {
                monitor.begin();
                LOG.info("Monitor starting on {} as application {}: {} → {}, {}; Ctrl-C to stop",
                        cluster.bootstrapServers(), monitor.applicationId(), config.topics().incidents(),
                        config.topics().scores(), config.topics().alerts());
                boolean announced = false;
                while (!signal.await(1_000)) {
                    monitor.checkHealthy();
                    if (!announced && monitor.awaitRunning(Duration.ZERO)) {
                        LOG.info("Monitor running");
                        announced = true;
                    }
                }
                LOG.info("Stopping");
            }
        }
        return 0;
    }

    /** The default port falls back to a free one when taken (as the embedded broker's does); a chosen one does not. */
    private MonitorHttpServer startHttp(Monitor monitor, MonitorMetrics metrics) throws IOException {
        try {
            return MonitorHttpServer.start(httpBind, httpPort, monitor::state, metrics.registry());
        } catch (BindException e) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--http-port")) {
                throw new BindException("cannot bind HTTP to " + httpBind + ":" + httpPort + ": " + e.getMessage());
            }
            LOG.warn("HTTP port {} is taken on {}; using a free port", httpPort, httpBind);
            return MonitorHttpServer.start(httpBind, 0, monitor::state, metrics.registry());
        }
    }
}
