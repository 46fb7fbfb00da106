package io.github.escmon.app.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' {@code promtool}, made available by {@code docker/test/fetch-prometheus.sh} (from PATH, or Debian's
 * {@code prometheus} package unpacked into a cache directory), to check configuration as Prometheus reads it.
 */
final class Promtool {

    static final String FETCH_SCRIPT = "docker/test/fetch-prometheus.sh";

    /** The output of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {

        String both() {
            return (stdout + "\n" + stderr).strip();
        }
    }

    /**
     * Where the fetch script found or unpacked promtool: {@code binary} is null when it could not, and
     * {@code failure} then says why.
     */
    record Fetched(Path binary, String failure) {
    }

    private Promtool() {
    }

    /** Runs the fetch script of the project at {@code root} with {@code cache} as its cache directory. */
    static Fetched fetch(Path root, Path cache, Path scratch) throws IOException, InterruptedException {
        Result result = run(List.of("bash", root.resolve(FETCH_SCRIPT).toString(), cache.toString()), root,
                Duration.ofMinutes(5), scratch);
        if (result.exitCode() != 0) {
            return new Fetched(null, FETCH_SCRIPT + " exited " + result.exitCode() + ": " + result.stderr().strip());
        }
        Path binary = Path.of(result.stdout().strip()).resolve("promtool");
        if (!Files.isExecutable(binary)) {
            return new Fetched(null, FETCH_SCRIPT + " printed '" + result.stdout().strip() + "', which holds no promtool");
        }
        return new Fetched(binary, null);
    }

    /** {@code promtool check config FILE}. */
    static Result checkConfig(Path promtool, Path config, Path scratch) throws IOException, InterruptedException {
        return run(List.of(promtool.toString(), "check", "config", config.toString()), config.getParent(),
                Duration.ofMinutes(1), scratch);
    }

    /** {@code promtool check rules FILE}. */
    static Result checkRules(Path promtool, Path rules, Path scratch) throws IOException, InterruptedException {
        return run(List.of(promtool.toString(), "check", "rules", rules.toString()), rules.getParent(),
                Duration.ofMinutes(1), scratch);
    }

    /** A rules file with one recording rule per expression ({@code check:query_1}, ...), for promtool to parse. */
    static Path writeRecordingRules(List<String> expressions, Path file) throws IOException {
        List<Map<String, String>> rules = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            rules.add(Map.of("record", "check:query_" + (i + 1), "expr", expressions.get(i)));
        }
        new ObjectMapper(new YAMLFactory()).writeValue(file.toFile(),
                Map.of("groups", List.of(Map.of("name", "queries", "rules", rules))));
        return file;
    }

    /** Runs {@code command} in {@code dir}; its output goes through files in {@code scratch}, so nothing blocks. */
    static Result run(List<String> command, Path dir, Duration timeout, Path scratch)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            return new Result(-1, Files.readString(out, StandardCharsets.UTF_8),
                    "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
