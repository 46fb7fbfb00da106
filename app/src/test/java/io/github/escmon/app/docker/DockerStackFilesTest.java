package io.github.escmon.app.docker;

import static io.github.escmon.app.docker.StackFiles.COMPOSE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.config.EscmonConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker stack in {@code docker/} holds together without a Docker engine: the Compose file, the Dockerfile,
 * Prometheus' configuration and Grafana's provisioning and dashboard refer to each other, to files that exist, and
 * to the Kafka version and metric names escmon is built with. The stack itself is not started here.
 */
@Timeout(30)
class DockerStackFilesTest {

    private static final List<String> SERVICES = List.of("kafka", "escmon", "seed", "prometheus", "grafana");
    private static final String DOCKERFILE = "docker/Dockerfile";
    private static final String PROMETHEUS = "docker/prometheus.yml";
    private static final String DATASOURCES = "docker/grafana/provisioning/datasources/prometheus.yml";
    private static final String DASHBOARD_PROVIDERS = "docker/grafana/provisioning/dashboards/escmon.yml";
    private static final String DASHBOARD = "docker/grafana/dashboards/escmon.json";
    private static final String DATASOURCE_UID = "prometheus";
    private static final Pattern IMAGE_PATH = Pattern.compile("/opt/escmon/[\\w./-]*\\w");

    private static StackFiles stack;

    @BeforeAll
    static void findTheStack() throws IOException {
        stack = StackFiles.find();
    }

    // ---- docker-compose.yml

    @Test
    void composeDefinesTheStacksServicesWithoutTheObsoleteVersionKey() {
        SERVICES.forEach(stack::service);
        assertFalse(stack.compose().has("version"), COMPOSE + ": 'version' is obsolete in the Compose specification");
    }

    @Test
    void kafkaImageIsTheKafkaVersionEscmonIsBuiltWith() throws IOException {
        assertEquals("apache/kafka:" + ProjectBuild.kafkaVersion(), stack.service("kafka").path("image").asText(),
                COMPOSE + ": services.kafka.image must be the broker of kafka.version in pom.xml");
    }

    @Test
    void kafkaIsOneNodeThatAdvertisesItsServiceName() {
        Map<String, String> env = StackFiles.environment(stack.service("kafka"));
        String nodeId = env.get("KAFKA_NODE_ID");
        assertNotNull(nodeId, COMPOSE + ": services.kafka.environment.KAFKA_NODE_ID is missing");
        assertEquals(nodeId + "@kafka:" + listenerPort(env.get("KAFKA_LISTENERS"), "CONTROLLER"),
                env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"),
                COMPOSE + ": services.kafka.environment.KAFKA_CONTROLLER_QUORUM_VOTERS must name this node only");
        assertEquals(Set.of("kafka:" + listenerPort(env.get("KAFKA_LISTENERS"), "PLAINTEXT")),
                advertisedAddresses(env),
                COMPOSE + ": services.kafka.environment.KAFKA_ADVERTISED_LISTENERS must be the service name and"
                        + " the PLAINTEXT port of KAFKA_LISTENERS");
    }

    @Test
    void escmonServicesConnectToTheAddressKafkaAdvertises() {
        Set<String> advertised = advertisedAddresses(StackFiles.environment(stack.service("kafka")));
        for (String name : stack.escmonServices()) {
            Set<String> used = StackFiles.optionValues(StackFiles.commandLine(stack.service(name)), "--bootstrap-servers");
            assertFalse(used.isEmpty(), COMPOSE + ": services." + name + " never gives --bootstrap-servers");
            assertTrue(advertised.containsAll(used), COMPOSE + ": services." + name + " uses --bootstrap-servers "
                    + used + ", but Kafka advertises " + advertised);
        }
    }

    @Test
    void escmonAndSeedRunOneImageBuiltFromTheDockerfile() {
        Path docker = stack.root().resolve("docker");
        for (String name : List.of("escmon", "seed")) {
            JsonNode build = stack.service(name).path("build");
            Path context = docker.resolve(build.path("context").asText()).normalize();
            assertEquals(stack.root(), context, COMPOSE + ": services." + name + ".build.context must be the project root");
            assertEquals(stack.file(DOCKERFILE), context.resolve(build.path("dockerfile").asText()).normalize(),
                    COMPOSE + ": services." + name + ".build.dockerfile must be " + DOCKERFILE);
        }
        assertEquals(stack.service("escmon").path("image").asText(), stack.service("seed").path("image").asText(),
                COMPOSE + ": services.escmon.image and services.seed.image must name the same image");
    }

    @Test
    void everyBindMountSourceExists() {
        stack.services().forEach((name, service) -> {
            for (ComposeVolume volume : StackFiles.volumes(service)) {
                if (volume.bind()) {
                    Path source = stack.root().resolve("docker").resolve(volume.source()).normalize();
                    assertTrue(Files.exists(source), COMPOSE + ": services." + name + ".volumes: bind source "
                            + volume.source() + " (" + stack.root().relativize(source) + ") does not exist");
                }
            }
        });
    }

    @Test
    void everyNamedVolumeIsDeclared() {
        JsonNode declared = stack.compose().path("volumes");
        stack.services().forEach((name, service) -> {
            for (ComposeVolume volume : StackFiles.volumes(service)) {
                if (!volume.bind() && !volume.source().isEmpty()) {
                    assertTrue(declared.has(volume.source()), COMPOSE + ": services." + name + ".volumes uses volume '"
                            + volume.source() + "', which the top-level volumes do not declare");
                }
            }
        });
    }

    @Test
    void publishedPortsListenOnTheLoopbackOnly() {
        stack.services().forEach((name, service) -> {
            for (JsonNode port : service.path("ports")) {
                String hostIp = port.isObject() ? port.path("host_ip").asText() : port.asText().split(":")[0];
                assertEquals("127.0.0.1", hostIp, COMPOSE + ": services." + name + ".ports: " + port
                        + " would be reachable from other machines");
            }
        });
    }

    @Test
    void dependenciesAreServicesAndWaitForHealthOnlyWhereThereIsAHealthcheck() {
        stack.services().forEach((name, service) -> StackFiles.dependencies(service).forEach((target, condition) -> {
            JsonNode dependency = stack.compose().path("services").path(target);
            assertTrue(dependency.isObject(), COMPOSE + ": services." + name + ".depends_on names no service '" + target + "'");
            if (condition.equals("service_healthy")) {
                assertTrue(dependency.path("healthcheck").has("test"), COMPOSE + ": services." + name
                        + " waits for " + target + " to be healthy, but services." + target + " has no healthcheck");
            }
        }));
        for (String name : stack.escmonServices()) {
            assertEquals("service_healthy", StackFiles.dependencies(stack.service(name)).get("kafka"),
                    COMPOSE + ": services." + name + ".depends_on.kafka.condition");
        }
    }

    @Test
    void escmonServicesSetOnlySettingsEscmonKnows() {
        for (String name : stack.escmonServices()) {
            Map<String, String> env = StackFiles.environment(stack.service(name));
            assertDoesNotThrow(() -> EscmonConfig.load(null, env, Map.of()), () -> COMPOSE + ": services." + name
                    + ".environment: escmon reads ESCMON_* and KAFKA_* variables as settings and would refuse " + env);
        }
    }

    // ---- Dockerfile

    @Test
    void dockerfileCopiesOnlyFilesThatExist() throws IOException {
        for (DockerfileCopy copy : DockerfileCopy.parse(stack.file(DOCKERFILE))) {
            if (copy.from() == null) {
                for (String source : copy.sources()) {
                    assertTrue(Files.exists(stack.root().resolve(source)),
                            DOCKERFILE + ": COPY source " + source + " does not exist in the build context (the project root)");
                }
            }
        }
    }

    @Test
    void dockerfileCopiesEveryModuleOfTheBuild() throws Exception {
        Set<String> copied = new HashSet<>();
        for (DockerfileCopy copy : DockerfileCopy.parse(stack.file(DOCKERFILE))) {
            if (copy.from() == null) {
                copy.sources().forEach(source -> copied.add(source.replaceAll("/+$", "")));
            }
        }
        assertTrue(copied.contains("pom.xml"), DOCKERFILE + ": the root pom.xml is not copied");
        for (String module : ProjectBuild.modules(stack.file("pom.xml"))) {
            assertTrue(copied.contains(module), DOCKERFILE + ": module '" + module + "' of pom.xml is not copied,"
                    + " so the image build cannot resolve it");
        }
    }

    @Test
    void imagePathsInEscmonCommandsAreCopiedOrMounted() throws IOException {
        Set<String> inImage = new TreeSet<>();
        for (DockerfileCopy copy : DockerfileCopy.parse(stack.file(DOCKERFILE))) {
            copy.sources().forEach(source -> inImage.add(copy.target(source)));
        }
        for (String name : stack.escmonServices()) {
            JsonNode service = stack.service(name);
            Matcher m = IMAGE_PATH.matcher(StackFiles.commandLine(service));
            while (m.find()) {
                String path = m.group();
                boolean mounted = StackFiles.volumes(service).stream().anyMatch(v -> path.startsWith(v.target() + "/"));
                assertTrue(inImage.contains(path) || mounted, COMPOSE + ": services." + name + " uses " + path
                        + ", which " + DOCKERFILE + " does not copy (it copies " + inImage + ") and no volume mounts");
            }
        }
    }

    // ---- prometheus.yml

    @Test
    void prometheusReadsTheMountedConfig() {
        assertTrue(StackFiles.volumes(stack.service("prometheus")).contains(
                        new ComposeVolume("./prometheus.yml", "/etc/prometheus/prometheus.yml", true)),
                COMPOSE + ": services.prometheus.volumes must mount ./prometheus.yml at /etc/prometheus/prometheus.yml");
    }

    @Test
    void everyScrapeTargetIsAnEscmonServiceServingHttpOnThatPort() throws IOException {
        JsonNode config = stack.yaml(PROMETHEUS);
        assertTrue(config.path("scrape_configs").size() > 0, PROMETHEUS + ": no scrape_configs");
        for (JsonNode job : config.path("scrape_configs")) {
            String where = PROMETHEUS + ": job " + job.path("job_name").asText();
            assertEquals("/metrics", job.path("metrics_path").asText("/metrics"), where + ": metrics_path");
            for (String target : scrapeTargets(job)) {
                String host = target.substring(0, target.lastIndexOf(':'));
                String port = target.substring(target.lastIndexOf(':') + 1);
                assertTrue(stack.escmonServices().contains(host), where + ": target " + target
                        + " is not an escmon service of " + COMPOSE + " (those are " + stack.escmonServices() + ")");
                String command = StackFiles.commandLine(stack.service(host));
                assertEquals(Set.of(port), StackFiles.optionValues(command, "--http-port"), where + ": target " + target
                        + ", so every command of services." + host + " must serve --http-port " + port);
                assertEquals(Set.of("0.0.0.0"), StackFiles.optionValues(command, "--http-bind"), where + ": target " + target
                        + ", so every command of services." + host + " must --http-bind 0.0.0.0 for Prometheus to reach it");
            }
        }
    }

    @Test
    @Timeout(400) // the first run may download Debian's prometheus package (the script allows itself 5 minutes)
    void promtoolAcceptsThePrometheusConfig(@TempDir Path scratch) throws Exception {
        Path promtool = promtool(scratch);
        Promtool.Result check = Promtool.checkConfig(promtool, stack.file(PROMETHEUS), scratch);
        assertEquals(0, check.exitCode(), () -> "promtool check config " + PROMETHEUS + ":\n" + check.both());
    }

    @Test
    @Timeout(400) // as above
    void promtoolParsesEveryDashboardQuery(@TempDir Path scratch) throws Exception {
        Path promtool = promtool(scratch);
        List<String> queries = DashboardQueries.expressions(stack.json(DASHBOARD));
        Path rules = Promtool.writeRecordingRules(queries.stream().map(DockerStackFilesTest::withGrafanaVariablesSet).toList(),
                scratch.resolve("dashboard-queries.rules.yml"));
        Promtool.Result check = Promtool.checkRules(promtool, rules, scratch);
        assertEquals(0, check.exitCode(), () -> DASHBOARD + ": promtool check rules on its " + queries.size()
                + " expr fields (as recording rules, Grafana variables set):\n" + check.both());
    }

    /** promtool from {@value Promtool#FETCH_SCRIPT}, cached in the module's target directory; skips the test without it. */
    private static Path promtool(Path scratch) throws Exception {
        Promtool.Fetched promtool = Promtool.fetch(stack.root(), stack.root().resolve("app/target/prometheus"), scratch);
        assumeTrue(promtool.binary() != null, () -> "no promtool: " + promtool.failure());
        return promtool.binary();
    }

    /** A dashboard query as Prometheus gets it: Grafana's interval variables as a duration, the others as "any". */
    private static String withGrafanaVariablesSet(String expr) {
        return expr.replaceAll("\\$__\\w+", "1m").replaceAll("\\$\\{?\\w+}?", ".*");
    }

    // ---- Grafana

    @Test
    void grafanaDatasourceIsThePrometheusServiceWithTheUidTheDashboardUses() throws IOException {
        JsonNode datasources = stack.yaml(DATASOURCES).path("datasources");
        assertEquals(1, datasources.size(), DATASOURCES + ": exactly one datasource");
        JsonNode prometheus = datasources.get(0);
        assertEquals(DATASOURCE_UID, prometheus.path("uid").asText(), DATASOURCES + ": datasources[0].uid");
        assertEquals("prometheus", prometheus.path("type").asText(), DATASOURCES + ": datasources[0].type");
        assertTrue(prometheus.path("isDefault").asBoolean(), DATASOURCES + ": datasources[0].isDefault");
        URI url = URI.create(prometheus.path("url").asText());
        assertEquals("prometheus", url.getHost(), DATASOURCES + ": datasources[0].url must name the Compose service");
        assertEquals(StackFiles.containerPorts(stack.service("prometheus")), Set.of(String.valueOf(url.getPort())),
                DATASOURCES + ": datasources[0].url must use the port services.prometheus publishes");
        assertEquals(stack.yaml(PROMETHEUS).path("global").path("scrape_interval").asText(),
                prometheus.path("jsonData").path("timeInterval").asText(),
                DATASOURCES + ": datasources[0].jsonData.timeInterval must be Prometheus' scrape_interval,"
                        + " for $__rate_interval");
    }

    @Test
    void grafanaLoadsTheDashboardsWhereComposeMountsThem() throws IOException {
        JsonNode grafana = stack.service("grafana");
        assertEquals("/etc/grafana/provisioning", StackFiles.mountTarget(grafana, "./grafana/provisioning"),
                COMPOSE + ": services.grafana.volumes must mount ./grafana/provisioning where Grafana reads it");
        String dashboards = StackFiles.mountTarget(grafana, "./grafana/dashboards");
        assertNotNull(dashboards, COMPOSE + ": services.grafana.volumes does not mount ./grafana/dashboards");
        JsonNode providers = stack.yaml(DASHBOARD_PROVIDERS).path("providers");
        assertEquals(1, providers.size(), DASHBOARD_PROVIDERS + ": exactly one provider");
        assertEquals("file", providers.get(0).path("type").asText(), DASHBOARD_PROVIDERS + ": providers[0].type");
        assertEquals(dashboards, providers.get(0).path("options").path("path").asText(),
                DASHBOARD_PROVIDERS + ": providers[0].options.path must be where " + COMPOSE + " mounts ./grafana/dashboards");
        String home = StackFiles.environment(grafana).get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        if (home != null) {
            assertTrue(home.startsWith(dashboards + "/"), COMPOSE + ": GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH " + home
                    + " is not under " + dashboards);
            stack.file("docker/grafana/dashboards/" + home.substring(dashboards.length() + 1));
        }
    }

    @Test
    void dashboardPanelsAndTargetsUseThePrometheusDatasource() throws IOException {
        JsonNode dashboard = stack.json(DASHBOARD);
        assertEquals("escmon", dashboard.path("uid").asText(), DASHBOARD + ": uid");
        assertTrue(GrafanaDashboard.panels(dashboard).size() > 1, DASHBOARD + ": no panels");
        for (JsonNode panel : GrafanaDashboard.panels(dashboard)) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            String where = DASHBOARD + ": panel '" + panel.path("title").asText() + "'";
            assertEquals(DATASOURCE_UID, panel.path("datasource").path("uid").asText(), where + ": datasource.uid");
            assertTrue(panel.path("targets").size() > 0, where + ": no targets");
            for (JsonNode target : panel.path("targets")) {
                String refId = target.path("refId").asText();
                assertEquals(DATASOURCE_UID, target.path("datasource").path("uid").asText(),
                        where + ": target " + refId + ": datasource.uid");
                assertFalse(target.path("expr").asText().isBlank(), where + ": target " + refId + ": no expr");
            }
        }
    }

    @Test
    void dashboardPanelsHaveUniqueIdsTitlesAndDescriptions() throws IOException {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : GrafanaDashboard.panels(stack.json(DASHBOARD))) {
            String title = panel.path("title").asText();
            assertFalse(title.isBlank(), DASHBOARD + ": a panel without a title: " + panel.path("id"));
            assertTrue(ids.add(panel.path("id").asInt()), DASHBOARD + ": panel '" + title + "' repeats id " + panel.path("id"));
            if (!panel.path("type").asText().equals("row")) {
                assertFalse(panel.path("description").asText().isBlank(), DASHBOARD + ": panel '" + title + "' has no description");
            }
        }
    }

    @Test
    void dashboardVariablesAndAnnotationsUseThePrometheusDatasource() throws IOException {
        JsonNode dashboard = stack.json(DASHBOARD);
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        assertEquals(Set.of("instance", "dyad"), variables.keySet(), DASHBOARD + ": templating.list names");
        variables.forEach((name, variable) -> {
            String where = DASHBOARD + ": templating variable '" + name + "'";
            assertEquals(DATASOURCE_UID, variable.path("datasource").path("uid").asText(), where + ": datasource.uid");
            assertTrue(variable.path("multi").asBoolean() && variable.path("includeAll").asBoolean(),
                    where + ": multi and includeAll");
            String query = GrafanaDashboard.variableQuery(variable);
            assertTrue(query.matches("label_values\\(\\w+, " + name + "\\)"), where + ": query " + query);
            assertTrue(MetricContract.NAMES.containsAll(DashboardQueries.metricNames(query)),
                    where + ": query " + query + " reads a metric outside the contract");
        });
        JsonNode annotations = dashboard.path("annotations").path("list");
        assertTrue(annotations.size() > 0, DASHBOARD + ": no annotations");
        for (JsonNode annotation : annotations) {
            assertEquals(DATASOURCE_UID, annotation.path("datasource").path("uid").asText(),
                    DASHBOARD + ": annotation '" + annotation.path("name").asText() + "': datasource.uid");
        }
    }

    @Test
    void dashboardReadsExactlyTheMetricContract() throws IOException {
        assertEquals(new TreeSet<>(MetricContract.NAMES), DashboardQueries.metricNames(stack.file(DASHBOARD)),
                DASHBOARD + ": the metric names its expr fields read");
    }

    // ---- helpers

    /** {@code PLAINTEXT://:9092,CONTROLLER://:9093} → the port of the listener {@code name}. */
    private static String listenerPort(String listeners, String name) {
        for (String listener : listeners.split(",")) {
            if (listener.strip().startsWith(name + "://")) {
                return listener.substring(listener.lastIndexOf(':') + 1).strip();
            }
        }
        throw new AssertionError(COMPOSE + ": services.kafka.environment.KAFKA_LISTENERS has no " + name + " listener: " + listeners);
    }

    private static Set<String> advertisedAddresses(Map<String, String> kafkaEnv) {
        String advertised = kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS");
        assertNotNull(advertised, COMPOSE + ": services.kafka.environment.KAFKA_ADVERTISED_LISTENERS is missing");
        Set<String> addresses = new TreeSet<>();
        for (String listener : advertised.split(",")) {
            addresses.add(listener.substring(listener.indexOf("://") + 3).strip());
        }
        return addresses;
    }

    private static List<String> scrapeTargets(JsonNode job) {
        List<String> targets = new ArrayList<>();
        for (JsonNode staticConfig : job.path("static_configs")) {
            staticConfig.path("targets").forEach(t -> targets.add(t.asText()));
        }
        return targets;
    }
}
