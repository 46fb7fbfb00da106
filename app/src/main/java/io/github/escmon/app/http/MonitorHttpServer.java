package io.github.escmon.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
 * {@code /health}, {@code /ready} and {@code /metrics} on the JDK {@link HttpServer}.
 * <ul>
 *   <li>{@code /health}: 200 while the process lives;</li>
 *   <li>{@code /ready}: 200 when the Kafka Streams state is RUNNING, else 503 naming the state;</li>
 *   <li>{@code /metrics}: the registry in the Prometheus text format.</li>
 * </ul>
 * Other paths are 404, other methods than GET 405; error bodies are one plain line, never a stack trace.
 */
public final class MonitorHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);

    /** The Prometheus text exposition format the registry's {@code scrape()} writes. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN = "text/plain; charset=utf-8";
    /** What an HTTP/1.x request line ends with; the JDK server takes anything after the URI. */
    private static final Pattern WELL_FORMED_PROTOCOL = Pattern.compile("HTTP/1\\.[01]");

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<KafkaStreams.State> state;
    private final PrometheusMeterRegistry registry;

    private MonitorHttpServer(HttpServer server, ExecutorService executor, Supplier<KafkaStreams.State> state,
                              PrometheusMeterRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.state = state;
        this.registry = registry;
    }

    /**
     * Binds {@code bind:port} (port 0: a free port) and starts serving.
     *
     * @param state the Kafka Streams state, read on every {@code /ready}
     */
    public static MonitorHttpServer start(String bind, int port, Supplier<KafkaStreams.State> state,
                                          PrometheusMeterRegistry registry) throws IOException {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(registry, "registry");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port out of range: " + port);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "escmon-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        MonitorHttpServer http = new MonitorHttpServer(server, executor, state, registry);
        server.createContext("/", http::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("HTTP on http://{}: /health, /ready, /metrics", http.authority());
        return http;
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
                send(exchange, 400, PLAIN, "bad request");
                return;
            }
            Supplier<Response> route = route(path);
            if (route == null) {
                send(exchange, 404, PLAIN, "not found");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                send(exchange, 405, PLAIN, "method not allowed");
                return;
            }
            Response r;
            try {
                r = route.get();
            } catch (RuntimeException e) {
                LOG.warn("HTTP {} failed", path, e);
                r = new Response(500, PLAIN, "internal error");
            }
            send(exchange, r.status(), r.contentType(), r.body());
        } catch (IOException e) {
            LOG.debug("HTTP exchange aborted: {}", e.toString());
        }
    }

    private Supplier<Response> route(String path) {
        switch (path) {
            case "/health":
                return () -> new Response(200, PLAIN, "UP");
            case "/ready":
                return this::ready;
            case "/metrics":
                return () -> new Response(200, PROMETHEUS_TEXT, registry.scrape());
            default:
                return null;
        }
    }

    private Response ready() {
        KafkaStreams.State s = state.get();
        return s == KafkaStreams.State.RUNNING
                ? new Response(200, PLAIN, "READY " + s)
                : new Response(503, PLAIN, "NOT READY " + s);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = (body.endsWith("\n") ? body : body + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
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

    private record Response(int status, String contentType, String body) {
    }
}
