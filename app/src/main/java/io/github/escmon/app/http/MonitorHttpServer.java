package io.github.escmon.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor's HTTP side on the JDK {@link HttpServer}, bound before the monitor exists (so that its address can
 * be advertised to Kafka Streams for interactive queries) and given its {@link Routes} once the monitor is built.
 * <ul>
 *   <li>{@code /health} answers 200 from the start;</li>
 *   <li>every other path answers 503 "starting" until {@link #serve(Routes)}, then what the routes say, or 404;</li>
 * </ul>
 * Methods other than GET are 405; error bodies are one line, never a stack trace.
 */
public final class MonitorHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);

    /** The Prometheus text exposition format the registry's {@code scrape()} writes. */
    static final String PROMETHEUS_TEXT = Reply.PROMETHEUS_TEXT;
    /** What an HTTP/1.x request line ends with; the JDK server takes anything after the URI. */
    private static final Pattern WELL_FORMED_PROTOCOL = Pattern.compile("HTTP/1\\.[01]");
    private static final Routes STARTING = new Routes().get("/health", r -> Reply.text(200, "UP"));

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Routes routes;
    private volatile boolean serving;

    private MonitorHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.routes = STARTING;
    }

    /** Binds {@code bind:port} (port 0: a free port) and starts answering: {@code /health}, and 503 elsewhere. */
    public static MonitorHttpServer start(String bind, int port) throws IOException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port out of range: " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "escmon-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MonitorHttpServer http = new MonitorHttpServer(server, executor);
        server.createContext("/", http::handle);
        server.setExecutor(executor);
        server.start();
        return http;
    }

    /** {@code /health}, {@code /ready} (from {@code state}) and {@code /metrics} (from {@code registry}). */
    public static MonitorHttpServer start(String bind, int port, Supplier<KafkaStreams.State> state,
                                          PrometheusMeterRegistry registry) throws IOException {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(registry, "registry");
        return start(bind, port).serve(Routes.basic(state, registry::scrape));
    }

    /** From now on answers what {@code routes} say (and 404 for what they do not serve). */
    public MonitorHttpServer serve(Routes routes) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.serving = true;
        LOG.info("HTTP on http://{}", authority());
        return this;
    }

    /** The bound address (with the real port when started on port 0). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code host:port} of the bound address, IPv6 literals in brackets. */
    public String authority() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path == null || !WELL_FORMED_PROTOCOL.matcher(exchange.getProtocol()).matches()) {
                send(exchange, Reply.text(400, "bad request"));
                return;
            }
            Map<String, String> query;
            try {
                query = query(exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                send(exchange, Reply.text(400, "bad request: malformed query"));
                return;
            }
            Routes.Match match = routes.match(path, query);
            if (match == null) {
                send(exchange, serving ? Reply.text(404, "not found") : Reply.text(503, "starting"));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, Reply.text(405, "method not allowed"));
                return;
            }
            Reply r;
            try {
                r = match.answer();
            } catch (RuntimeException e) {
                LOG.warn("HTTP {} failed", path, e);
                r = Reply.text(500, "internal error");
            }
            send(exchange, r);
        } catch (IOException e) {
            LOG.debug("HTTP exchange aborted: {}", e.toString());
        }
    }

    /** The query's parameters, decoded; the last of repeated names wins. */
    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(name, value);
        }
        return q;
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        String body = reply.body();
        byte[] bytes = (body.endsWith("\n") ? body : body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting, drops open exchanges and stops the handler threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("HTTP stopped");
    }
}
