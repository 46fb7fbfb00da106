package io.github.escmon.app.reset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.tools.StreamsResetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Kafka's streams application reset tool ({@code org.apache.kafka.tools.StreamsResetter}, what
 * {@code kafka-streams-application-reset.sh} runs) in this JVM.
 *
 * <p>The tool prints to {@code System.out} and {@code System.err}; both are captured for the run and read back
 * ({@link ResetterOutput}); the whole of it goes to the debug log. Kafka client settings (security and the like) reach it through its
 * {@code --command-config} file, written with owner-only permissions and deleted afterwards.
 */
final class KafkaResetTool {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaResetTool.class);

    /** Settings the tool's consumer must choose itself: it commits as the group without joining it. */
    private static final Set<String> NOT_PASSED = Set.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
            ConsumerConfig.GROUP_PROTOCOL_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);

    /** What to run. */
    record Request(String applicationId, String bootstrapServers, String inputTopic, ResetTarget target,
                   List<String> internalTopics, boolean dryRun, Properties clientProperties) {
    }

    private KafkaResetTool() {
    }

    /** Runs the tool once; one run at a time per JVM, since it writes to the process's standard streams. */
    static synchronized ResetterOutput run(Request request) throws IOException {
        Path config = commandConfig(request.clientProperties());
        try {
            List<String> args = new ArrayList<>(List.of(
                    "--application-id=" + request.applicationId(),
                    "--bootstrap-server=" + request.bootstrapServers(),
                    "--input-topics=" + request.inputTopic(),
                    request.target().toolOption(),
                    "--command-config=" + config));
            if (!request.internalTopics().isEmpty()) {
                args.add("--internal-topics=" + String.join(",", request.internalTopics()));
            }
            if (request.dryRun()) {
                args.add("--dry-run");
            }
            LOG.debug("Running Kafka's StreamsResetter {}", args);
            ResetterOutput output = capture(args.toArray(String[]::new));
            LOG.debug("StreamsResetter exited {}; stdout:\n{}stderr:\n{}", output.exitCode(), output.out(), output.err());
            return output;
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static ResetterOutput capture(String[] args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            // the tool ends the JVM on an option it does not accept (it prints its usage and calls Exit.exit)
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka's reset tool wanted to exit with " + status
                        + (message == null ? "" : ": " + message));
            });
            code = new StreamsResetter().execute(args);
        } finally {
            Exit.resetExitProcedure();
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new ResetterOutput(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The client settings the tool's admin client and consumer understand, in a file only the owner can read
     * (it may hold credentials).
     */
    static Path commandConfig(Properties client) throws IOException {
        Set<String> known = new HashSet<>(AdminClientConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        Properties passed = new Properties();
        client.forEach((k, v) -> {
            String key = k.toString();
            if ((known.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")) && !NOT_PASSED.contains(key)) {
                passed.put(key, v.toString());
            }
        });
        Path file = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile("escmon-reset-", ".properties",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile("escmon-reset-", ".properties");
        try (OutputStream stream = Files.newOutputStream(file)) {
            passed.store(stream, "escmon reset: Kafka client settings for the streams application reset tool");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }
}
