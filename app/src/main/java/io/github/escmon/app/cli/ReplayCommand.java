package io.github.escmon.app.cli;

import io.github.escmon.app.config.Durations;
import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.output.JsonLinesWriter;
import io.github.escmon.app.replay.Replay;
import io.github.escmon.app.summary.RunSummary;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.app.security.CommandAcls;
import io.github.escmon.events.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-score the historical incidents topic over a time range, leaving the live monitor untouched.",
                "",
                "Runs as its own application (escmon-replay-NAME) with its own state and output topics (escalation-scores.NAME, escalation-alerts.NAME), starting in every partition at the lead-in before --from (W + one tick + --lead-in earlier, so that the first scores are right) and stopping by itself after --to or the end. Every score and alert setting can be changed with --set. Prints a summary per dyad that alerted; deletes its topics afterwards unless --keep; --out DIR writes scores, alerts and summary as files.",
                "",
                "From --from on, score records equal those of a full replay; alert records too, for every dyad that had no open alert when the lead-in began (widen the lead-in with --lead-in to cover longer episodes)."})
public final class ReplayCommand implements Callable<Integer>, ConnectsToKafka {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", required = true, paramLabel = "TIME", description = "First event time whose records are written, e.g. 2024-01-01T00:00:00Z (or 2024-01-01).")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Last event time read (default: the end of the topic when the replay starts).")
    String to;

    @Option(names = "--name", paramLabel = "NAME", description = "Names the replay's application and topics (default: a random one). Letters, digits, '-' and '_'.")
    String name;

    @Option(names = "--lead-in", paramLabel = "DURATION", defaultValue = "0h",
            description = "Extra lead-in before --from on top of W + one tick (default: ${DEFAULT-VALUE}).")
    String leadIn;

    @Option(names = "--keep", description = "Keep the output topics (and the application's offsets) after the summary.")
    boolean keep;

    @Option(names = "--out", paramLabel = "DIR", description = "Write scores.jsonl, alerts.jsonl and summary.txt here.")
    Path out;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60m", description = "Give up when the replay commits nothing for this long (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    private ClusterAccess access;

    @Override
    public ClusterAccess access() {
        return access;
    }

    @Override
    public Integer call() throws Exception {
        String replay = name != null ? name : "r" + UUID.randomUUID().toString().substring(0, 8);
        if (!replay.matches("[A-Za-z0-9_-]{1,60}")) {
            throw new IllegalArgumentException("--name: letters, digits, '-' and '_' only (at most 60), got '" + replay + "'");
        }
        Instant start = time("--from", from);
        Instant stop = to == null ? null : time("--to", to);
        if (stop != null && !stop.isAfter(start)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        Path stateDir = Files.createTempDirectory("escmon-replay-" + replay);
        EscmonConfig base = kafka.configOrLocal(Map.of());
        TopicNames live = base.topics();
        Map<String, String> own = new HashMap<>();
        own.put("application.id", "escmon-replay-" + replay);
        own.put("state.dir", stateDir.toString());
        own.put("topics.dead-letter", live.deadLetter() + "." + replay);
        own.put("topics.scores", live.scores() + "." + replay);
        own.put("topics.alerts", live.alerts() + "." + replay);
        EscmonConfig config = base.with(own);
        access = ClusterAccess.of("replay", config, CommandAcls.replay(config));
        Replay.Result result;
        try (Cluster cluster = Cluster.external(config)) {
            try (ProgressBar bar = quiet || System.console() == null ? null
                    : new ProgressBarBuilder().setTaskName("replay " + replay).setStyle(ProgressBarStyle.ASCII)
                            .setUnit(" events", 1).showSpeed().build()) {
                result = Replay.run(cluster, config, start, stop, Durations.parse("--lead-in", leadIn),
                        Durations.parse("--timeout", timeout), done -> {
                            if (bar != null) {
                                bar.stepTo(done);
                            }
                        });
            } finally {
                if (!keep) {
                    RunTopics.delete(cluster.admin(), config.topics(), config.get("application.id"), List.of(live.incidents()));
                }
                RunTopics.deleteDirectory(stateDir);
            }
        }
        try (result) {
            RunSummary summary = RunSummary.of(result.alerts(), result.scores());
            String header = String.format(Locale.ROOT, "replay %s: %s from %s to %s (lead-in from %s), %d input records, %d score records, %d alerts%n",
                    replay, live.incidents(), start, stop == null ? "the end" : stop, result.plan().leadInFrom(),
                    result.plan().total(), result.scores().size(), result.alerts().size());
            System.out.print(header);
            System.out.print(summary.table());
            if (out != null) {
                Files.createDirectories(out);
                JsonLinesWriter.write(out.resolve("scores.jsonl"), result.scores());
                JsonLinesWriter.write(out.resolve("alerts.jsonl"), result.alerts());
                Files.writeString(out.resolve("summary.txt"), header + summary.table());
            }
        }
        if (keep) {
            System.out.println("Kept: " + config.topics().scores() + ", " + config.topics().alerts());
        }
        return 0;
    }

    /** An ISO instant, or a date meaning its midnight UTC. */
    static Instant time(String option, String text) {
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": expected a time such as 2024-01-01T00:00:00Z or a date 2024-01-01, got '" + text + "'");
        }
    }

    static String format(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
