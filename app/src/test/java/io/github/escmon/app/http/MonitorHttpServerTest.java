package io.github.escmon.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MonitorHttpServerTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private PrometheusMeterRegistry registry;
    private MonitorHttpServer http;

    @BeforeEach
    void start() throws IOException {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("escmon.test", "kind", "a").increment(3);
        http = MonitorHttpServer.start("127.0.0.1", 0, state::get, registry);
    }

    @AfterEach
    void stop() {
        http.close();
        registry.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + http.authority() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsTheLoopbackOnAFreePort() {
        assertTrue(http.address().getAddress().isLoopbackAddress());
        assertTrue(http.address().getPort() > 0);
    }

    @Test
    void healthIsUpWhateverTheStreamsState() throws Exception {
        assertEquals(200, send("GET", "/health").statusCode());
        state.set(KafkaStreams.State.ERROR);
        assertEquals(200, send("GET", "/health").statusCode());
    }

    @Test
    void readyOnlyWhenRunningAndOtherwiseNamesTheState() throws Exception {
        HttpResponse<String> created = send("GET", "/ready");
        assertEquals(503, created.statusCode());
        assertTrue(created.body().contains("CREATED"), created.body());
        state.set(KafkaStreams.State.RUNNING);
        assertEquals(200, send("GET", "/ready").statusCode());
        state.set(KafkaStreams.State.REBALANCING);
        HttpResponse<String> rebalancing = send("GET", "/ready");
        assertEquals(503, rebalancing.statusCode());
        assertTrue(rebalancing.body().contains("REBALANCING"), rebalancing.body());
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        HttpResponse<String> r = send("GET", "/metrics");
        assertEquals(200, r.statusCode());
        assertEquals(MonitorHttpServer.PROMETHEUS_TEXT, r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("escmon_test_total{kind=\"a\"} 3.0"), r.body());
        assertEquals(200, send("GET", "/metrics?name[]=escmon_test_total").statusCode(), "a query is ignored");
    }

    @Test
    void unknownPathsAre404() throws Exception {
        for (String path : new String[] {"/", "/nope", "/metrics/", "/health/x", "/READY"}) {
            HttpResponse<String> r = send("GET", path);
            assertEquals(404, r.statusCode(), path);
            assertEquals("not found\n", r.body(), path);
        }
    }

    @Test
    void otherMethodsThanGetAre405() throws Exception {
        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> r = send(method, "/metrics");
            assertEquals(405, r.statusCode(), method);
            assertEquals("GET", r.headers().firstValue("Allow").orElseThrow(), method);
        }
    }

    @Test
    void aFailingScrapeIs500WithoutInternals() throws Exception {
        http.close();
        http = MonitorHttpServer.start("127.0.0.1", 0, () -> {
            throw new IllegalStateException("secret internals");
        }, registry);
        HttpResponse<String> r = send("GET", "/ready");
        assertEquals(500, r.statusCode());
        assertEquals("internal error\n", r.body());
    }

    @Test
    void malformedRequestsAre400WithoutAStackTrace() throws Exception {
        for (String request : new String[] {
                "GARBAGE\r\n\r\n",
                "GET /health\r\n\r\n",
                "GET /health SPDY/3\r\nHost: x\r\n\r\n",
                "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"}) {
            String response = raw(request);
            assertTrue(response.startsWith("HTTP/1.1 400"), request + " -> " + response);
            assertFalse(response.contains("\tat "), response);
            assertFalse(response.contains("Exception:"), response);
        }
    }

    @Test
    void oversizedRequestsAreRefusedAndTheServerGoesOn() throws Exception {
        String longPath = "GET /dyads/" + "A".repeat(70_000) + "-B HTTP/1.1\r\nHost: x\r\n\r\n";
        String manyHeaders = "GET /health HTTP/1.1\r\nHost: x\r\n" + "X-Junk: y\r\n".repeat(20_000) + "\r\n";
        String hugeHeader = "GET /health HTTP/1.1\r\nHost: x\r\nX-Junk: " + "y".repeat(1_000_000) + "\r\n\r\n";
        for (String request : new String[] {longPath, manyHeaders, hugeHeader}) {
            String response;
            try {
                response = raw(request);
            } catch (java.net.SocketException e) {
                response = "closed: " + e.getMessage(); // refused by closing the connection: clean too
            }
            assertFalse(response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.1 5"),
                    request.substring(0, 40) + "… -> " + response.substring(0, Math.min(200, response.length())));
            assertFalse(response.contains("\tat ") || response.contains("Exception"), response);
        }
        assertEquals(200, send("GET", "/health").statusCode(), "still serving");
    }

    @Test
    void closeReleasesThePort() {
        InetSocketAddress address = http.address();
        http.close();
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(address, 2_000);
            }
        });
        // the @AfterEach close again is harmless
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> MonitorHttpServer.start("127.0.0.1", 70_000, state::get, registry));
    }

    /** Sends bytes as they are and reads the response head and as much body as {@code Content-length} says. */
    private String raw(String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(http.address(), 5_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) != -1) {
                head.append((char) c);
            }
            int length = 0;
            for (String line : head.toString().split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return head + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
        }
    }
}
