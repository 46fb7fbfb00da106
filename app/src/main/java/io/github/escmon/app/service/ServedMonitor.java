package io.github.escmon.app.service;

import io.github.escmon.app.config.ConfigException;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.http.MonitorHttpServer;
import io.github.escmon.app.http.Routes;
import io.github.escmon.app.metrics.MonitorMetrics;
import io.github.escmon.app.metrics.ProcessMetrics;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.query.QueryApi;
import io.github.escmon.streams.topology.ReplayBounds;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A monitor with its HTTP side: {@code /health}, {@code /ready}, {@code /metrics}, {@code /dyads/{dyad}} and
 * {@code /alerts}. The server binds first, so that its address can be advertised to Kafka Streams
 * ({@code application.server}) before the monitor is built; it answers 503 except {@code /health} until the
 * monitor and its meters exist. Closing stops HTTP, then the monitor, then the meters.
 */
public final class ServedMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServedMonitor.class);

    private final MonitorHttpServer http;
    private final ProcessMetrics process;
    private final Monitor monitor;
    private final HostInfo advertised;

    private ServedMonitor(MonitorHttpServer http, ProcessMetrics process, Monitor monitor, HostInfo advertised) {
        this.http = http;
        this.process = process;
        this.monitor = monitor;
        this.advertised = advertised;
    }

    /** Binds HTTP, builds the monitor (not started: {@link Monitor#begin()}) and serves every endpoint. */
    public static ServedMonitor open(EscmonConfig config, HttpSettings settings) throws IOException {
        MonitorHttpServer http = bind(settings);
        ProcessMetrics process = null;
        Monitor monitor = null;
        try {
            HostInfo self = advertised(settings, http.address());
            EscmonConfig served = config.with(Map.of("kafka.application.server", self.host() + ":" + self.port()));
            process = new ProcessMetrics(served.duration("metrics.kafka-refresh"));
            MonitorMetrics meters = new MonitorMetrics(process.registry(), served.alertParameters());
            monitor = new Monitor(served, ReplayBounds.NONE, meters);
            meters.bind(monitor, process);
            Monitor m = monitor;
            http.serve(new QueryApi(monitor.streams(), self, served.scoreParameters())
                    .addTo(Routes.basic(m::state, process::scrape)));
            LOG.info("HTTP endpoints on http://{} (advertised to other instances as {}:{}): /health /ready /metrics /dyads/{dyad} /alerts",
                    http.authority(), self.host(), self.port());
            return new ServedMonitor(http, process, monitor, self);
        } catch (RuntimeException | IOException e) {
            http.close();
            if (monitor != null) {
                monitor.close();
            }
            if (process != null) {
                process.close();
            }
            throw e;
        }
    }

    private static MonitorHttpServer bind(HttpSettings s) throws IOException {
        try {
            return MonitorHttpServer.start(s.bind(), s.port());
        } catch (BindException e) {
            if (!s.fallback()) {
                throw new BindException("cannot bind HTTP to " + s.bind() + ":" + s.port() + ": " + e.getMessage()
                        + "; choose another --http-port");
            }
            LOG.warn("HTTP port {} is taken on {}; using a free port", s.port(), s.bind());
            return MonitorHttpServer.start(s.bind(), 0);
        }
    }

    /** The given {@code host:port}, else the bound address, with the machine's name for a wildcard bind. */
    static HostInfo advertised(HttpSettings s, InetSocketAddress bound) throws IOException {
        if (s.advertise() != null) {
            int colon = s.advertise().lastIndexOf(':');
            try {
                if (colon <= 0) {
                    throw new NumberFormatException();
                }
                int port = Integer.parseInt(s.advertise().substring(colon + 1));
                if (port < 1 || port > 65_535) {
                    throw new NumberFormatException();
                }
                return new HostInfo(s.advertise().substring(0, colon), port);
            } catch (NumberFormatException e) {
                throw new ConfigException("--http-advertise must be HOST:PORT (port 1-65535), got \"" + s.advertise() + "\"");
            }
        }
        InetAddress a = bound.getAddress();
        String host = a.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : a.getHostAddress();
        return new HostInfo(host, bound.getPort());
    }

    public Monitor monitor() {
        return monitor;
    }

    public ProcessMetrics metrics() {
        return process;
    }

    public MonitorHttpServer http() {
        return http;
    }

    public HostInfo advertised() {
        return advertised;
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            try {
                monitor.close();
            } finally {
                process.close();
            }
        }
    }
}
