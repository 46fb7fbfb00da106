package io.github.escmon.app.docker;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of the Docker stack in {@code docker/}, found from the working directory (surefire runs in the module
 * directory, {@code app/}), parsed as trees, with the few readings of the Compose file the tests share.
 */
final class StackFiles {

    static final String COMPOSE = "docker/docker-compose.yml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode compose;

    private StackFiles(Path root) throws IOException {
        this.root = root;
        this.compose = yaml(COMPOSE);
    }

    /** The project whose root holds {@value #COMPOSE}: the working directory or the nearest directory above it. */
    static StackFiles find() throws IOException {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE))) {
                return new StackFiles(dir);
            }
        }
        throw new IllegalStateException("no " + COMPOSE + " in " + start + " or any directory above it");
    }

    Path root() {
        return root;
    }

    /** {@code relative} to the project root, failing with the path when the file is missing. */
    Path file(String relative) {
        Path file = root.resolve(relative);
        assertTrue(Files.isRegularFile(file), relative + " is missing");
        return file;
    }

    JsonNode yaml(String relative) throws IOException {
        return YAML.readTree(file(relative).toFile());
    }

    JsonNode json(String relative) throws IOException {
        return JSON.readTree(file(relative).toFile());
    }

    JsonNode compose() {
        return compose;
    }

    /** The Compose service {@code name}, failing when there is none. */
    JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        if (!service.isObject()) {
            fail(COMPOSE + ": no service '" + name + "' under services");
        }
        return service;
    }

    /** Every service by name, in file order. */
    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    /** The services that run escmon's image: those built from the Dockerfile. */
    List<String> escmonServices() {
        List<String> names = new ArrayList<>();
        services().forEach((name, service) -> {
            if (service.has("build")) {
                names.add(name);
            }
        });
        return names;
    }

    /** A service's {@code entrypoint} and {@code command}, list or string form, as one line of text. */
    static String commandLine(JsonNode service) {
        List<String> words = new ArrayList<>();
        for (String field : List.of("entrypoint", "command")) {
            JsonNode value = service.path(field);
            if (value.isArray()) {
                value.forEach(word -> words.add(word.asText()));
            } else if (!value.isMissingNode() && !value.isNull()) {
                words.add(value.asText());
            }
        }
        return String.join(" ", words);
    }

    /** A service's {@code environment}, map or {@code NAME=value} list form. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode value = service.path("environment");
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (value.isArray()) {
            for (JsonNode entry : value) {
                String text = entry.asText();
                int eq = text.indexOf('=');
                env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        }
        return env;
    }

    /** A service's {@code volumes}, short ({@code SOURCE:TARGET[:MODE]}) or long form. */
    static List<ComposeVolume> volumes(JsonNode service) {
        List<ComposeVolume> volumes = new ArrayList<>();
        for (JsonNode entry : service.path("volumes")) {
            volumes.add(ComposeVolume.of(entry));
        }
        return volumes;
    }

    /** Every value given to {@code option} ({@code --option VALUE} or {@code --option=VALUE}) in a command line. */
    static Set<String> optionValues(String commandLine, String option) {
        Set<String> values = new TreeSet<>();
        Matcher m = Pattern.compile(Pattern.quote(option) + "[ =]\"?([^\\s\"]+)").matcher(commandLine);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    /** {@code depends_on}, map or list form, as service → condition ({@code service_started} for the list form). */
    static Map<String, String> dependencies(JsonNode service) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        JsonNode dependsOn = service.path("depends_on");
        if (dependsOn.isArray()) {
            dependsOn.forEach(d -> dependencies.put(d.asText(), "service_started"));
        } else {
            dependsOn.fields().forEachRemaining(e ->
                    dependencies.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return dependencies;
    }

    /** The container side of a service's published ports ({@code 127.0.0.1:9090:9090} → {@code 9090}). */
    static Set<String> containerPorts(JsonNode service) {
        Set<String> ports = new TreeSet<>();
        for (JsonNode port : service.path("ports")) {
            String text = port.isObject() ? port.path("target").asText() : port.asText();
            ports.add(text.substring(text.lastIndexOf(':') + 1).replaceAll("/\\w+$", ""));
        }
        return ports;
    }

    /** Where a service bind-mounts the host path {@code source} (as written in the Compose file), or null. */
    static String mountTarget(JsonNode service, String source) {
        return volumes(service).stream().filter(v -> v.bind() && v.source().equals(source)).map(ComposeVolume::target)
                .findFirst().orElse(null);
    }
}
