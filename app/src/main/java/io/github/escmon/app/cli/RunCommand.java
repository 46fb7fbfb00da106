package io.github.escmon.app.cli;

import io.github.escmon.app.backtest.Backtest;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.service.ServedMonitor;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.app.security.CommandAcls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the scoring and alert topologies until Ctrl-C.",
                "",
                "Reads 'incidents', writes 'escalation-scores', 'escalation-alerts' and, for bad records, 'incidents-dlq' (names are settings). Several 'escmon run' processes with one application.id share the partitions. Without --bootstrap-servers it starts an embedded broker that keeps its data in --data-dir.",
                "",
                "Serves HTTP on 127.0.0.1:8080: /health, /ready (200 once processing), /metrics (Prometheus), /dyads/{dyad} (a dyad's window, from whichever instance holds it) and /alerts (the open alerts of every instance)."})
public final class RunCommand implements Callable<Integer>, ConnectsToKafka {

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

    @Mixin
    HttpOptions http;

    private ClusterAccess access;

    @Override
    public ClusterAccess access() {
        return access;
    }

    @Override
    public Integer call() throws Exception {
        EscmonConfig base = kafka.config(stateDir == null ? Map.of() : Map.of("state.dir", stateDir.toString()));
        access = ClusterAccess.of("run", base, CommandAcls.monitor(base));
        try (ShutdownSignal signal = new ShutdownSignal();
             Cluster cluster = kafka.hasCluster(base) ? Cluster.external(base) : Cluster.embedded(base, dataDir, port)) {
            EscmonConfig config = cluster.config();
            Backtest.ensureTopics(cluster, config);
            try (ServedMonitor served = ServedMonitor.open(config, http.settings())) {
                Monitor monitor = served.monitor();
                monitor.begin();
                LOG.info("Monitor starting on {} as application {}: {} → {}, {}; Ctrl-C to stop",
                        cluster.bootstrapServers(), monitor.applicationId(), config.topics().incidents(),
                        config.topics().scores(), config.topics().alerts());
                boolean announced = false;
                while (!signal.await(1_000)) {
                    monitor.checkHealthy();
                    if (!announced && monitor.awaitRunning(Duration.ZERO)) {
                        LOG.info("Monitor running; HTTP on http://{}", served.http().authority());
                        announced = true;
                    }
                }
                LOG.info("Stopping");
            }
        }
        return 0;
    }
}
