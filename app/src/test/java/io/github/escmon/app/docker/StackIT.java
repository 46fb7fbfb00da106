package io.github.escmon.app.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.testkit.KafkaAwait;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The observability stack without Docker: the real {@code escmon demo --follow} (the jar, in its own process)
 * serves the seed story over HTTP; every metric the Grafana dashboard queries appears in its scrape; and a real
 * Prometheus (Debian's package, fetched by {@code docker/test/fetch-prometheus.sh}; skipped when it cannot be)
 * scrapes it and answers the seed's counts through its query API.
 */
@WithKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class StackIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Pattern HTTP_LINE = Pattern.compile("HTTP: http://([^/\\s]+)/metrics");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final StringBuffer output = new StringBuffer();
    private Path dir;
    private Process demo;
    private String authority;
    private Thread reader;

    @BeforeAll
    void startTheDemo(KafkaCluster kafka) throws Exception {
        dir = Files.createTempDirectory("escmon-stack");
        String suffix = KafkaCluster.uniqueName("stack");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-jar", Path.of("target", "escmon.jar").toString(),
                "demo", "--follow", "--http-port", "0", "--bootstrap-servers", kafka.bootstrapServers()));
        for (String topic : List.of("incidents", "dead-letter", "scores", "alerts")) {
            command.addAll(List.of("--set", "topics." + topic + "=" + topic + "." + suffix));
        }
        command.addAll(List.of("--set", "metrics.kafka-refresh=1s"));
        demo = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> http = new CompletableFuture<>();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = HTTP_LINE.matcher(line);
                    if (m.find()) {
                        http.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            http.complete(null);
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        authority = http.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(authority != null, "escmon demo --follow printed its HTTP address:\n" + output);
    }

    @AfterAll
    void stopTheDemo() throws Exception {
        if (demo != null) {
            demo.toHandle().destroy(); // SIGTERM, as Ctrl-C (Process.destroy would also close our end of its output)
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "demo --follow stops within a minute of SIGTERM:\n" + output);
            // a JVM ended by SIGTERM exits 128 + 15 once its shutdown hooks are done
            reader.join(10_000); // the rest of its output
            assertEquals(143, demo.exitValue(), output.toString());
            assertTrue(output.toString().contains("Stopping"), "stopped through its shutdown path:\n" + output);
        }
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://" + base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double sample(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series + " in the scrape"));
    }

    /** The metric names in a Prometheus text scrape (histogram and summary parts keep their suffixes). */
    static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
        return names;
    }

    @Test
    void demoFollowServesTheSeedStory() throws Exception {
        assertEquals(200, get(authority, "/ready").statusCode());
        String scrape = get(authority, "/metrics").body();
        assertEquals(13.0, sample(scrape, "escmon_incidents_total{outcome=\"accepted\"}"));
        assertEquals(13.0, sample(scrape, "escmon_source_rows_total{outcome=\"published\"}"));
        assertEquals(0.0, sample(scrape, "escmon_source_rows_total{outcome=\"unpaired\"}"));
        long transitions = Golden.records("/golden/iran-pakistan-2024.alerts.jsonl").size();
        double written = scrape.lines().filter(l -> l.startsWith("escmon_alerts_total{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertEquals(transitions, written, 0.0, "the nine transitions of SCORING.md §6");
        HttpResponse<String> dyad = get(authority, "/dyads/IRN-PAK");
        assertEquals(200, dyad.statusCode(), dyad.body());
        assertEquals("IRN-PAK", Golden.parse(dyad.body()).get("dyad").asText());
        assertTrue(output.toString().contains("IRN-PAK"), output.toString());
    }

    @Test
    void everyMetricTheDashboardQueriesIsInARealScrape() throws Exception {
        Set<String> queried = DashboardQueries.metricNames(ProjectRoot.find().resolve("docker/grafana/dashboards/escmon.json"));
        assertTrue(queried.size() >= 15, "the dashboard queries " + queried);
        KafkaAwait.until("every metric of the dashboard in the scrape", WAIT, () -> {
            Set<String> missing = new TreeSet<>(queried);
            missing.removeAll(names(get(authority, "/metrics").body()));
            if (missing.stream().anyMatch(n -> n.startsWith("jvm_gc_"))) {
                forceGc(); // a GC metric exists once the JVM has collected
            }
            return missing.isEmpty();
        });
    }

    @Test
    void aRealPrometheusScrapesTheCounts() throws Exception {
        Path bin = fetchPrometheus();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "scrape_configs:",
                "  - job_name: escmon",
                "    static_configs:",
                "      - targets: ['" + authority + "']",
                ""));
        Process check = new ProcessBuilder(bin.resolve("promtool").toString(), "check", "config", config.toString())
                .redirectErrorStream(true).start();
        String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), checked);
        Process prometheus = new ProcessBuilder(bin.resolve("prometheus").toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String api = "127.0.0.1:" + port;
            KafkaAwait.until("Prometheus to have scraped the seed's 13 accepted incidents", WAIT,
                    () -> value(api, "escmon_incidents_total{job=\"escmon\",outcome=\"accepted\"}") == 13.0);
            assertEquals(Golden.records("/golden/iran-pakistan-2024.alerts.jsonl").size(),
                    value(api, "sum(escmon_alerts_total{job=\"escmon\"})"), 0.0);
            assertEquals(1.0, value(api, "up{job=\"escmon\"}"));
            assertEquals(13.0, value(api, "escmon_source_rows_total{job=\"escmon\",outcome=\"published\"}"));
        } finally {
            prometheus.destroy();
            prometheus.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The single value of an instant query, or NaN when it has no result yet. */
    private double value(String api, String query) throws Exception {
        HttpResponse<String> r;
        try {
            r = get(api, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        } catch (IOException starting) {
            return Double.NaN;
        }
        if (r.statusCode() != 200) {
            return Double.NaN;
        }
        JsonNode result = Golden.parse(r.body()).path("data").path("result");
        return result.size() == 1 ? Double.parseDouble(result.get(0).get("value").get(1).asText()) : Double.NaN;
    }

    /** Runs the script that fetches Debian's prometheus package, or skips with its reason. */
    private static Path fetchPrometheus() throws Exception {
        Path root = ProjectRoot.find();
        Process p = new ProcessBuilder("bash", root.resolve("docker/test/fetch-prometheus.sh").toString(),
                Path.of("target", "prometheus").toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean ok = p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
        Assumptions.assumeTrue(ok, "Prometheus is not available here: " + err);
        return Path.of(out);
    }

    private void forceGc() throws Exception {
        Path jcmd = Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            new ProcessBuilder(jcmd.toString(), Long.toString(demo.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String javaBin() {
        return Path.of(Objects.requireNonNull(System.getProperty("java.home")), "bin", "java").toString();
    }
}
