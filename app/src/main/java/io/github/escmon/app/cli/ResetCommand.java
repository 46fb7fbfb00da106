package io.github.escmon.app.cli;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Cluster;
import io.github.escmon.app.reset.ApplicationReset;
import io.github.escmon.app.reset.LiveMembersException;
import io.github.escmon.app.reset.LocalState;
import io.github.escmon.app.reset.ResetReport;
import io.github.escmon.app.reset.ResetTarget;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.app.security.CommandAcls;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Prepare the live application to reprocess its input from a time.",
                "",
                "Runs Kafka's streams application reset tool (what kafka-streams-application-",
                "reset.sh runs) for escmon's application (setting application.id) and input",
                "topic (topics.incidents), and cleans the local state:",
                "  - committed input offsets move to the first record at or after --to-datetime",
                "    (the end of a partition without one), or to the beginning (--to-earliest);",
                "  - the application's internal topics (store changelogs) are deleted;",
                "  - its local state on this host, <state.dir>/<application.id>, is deleted.",
                "Output topics are kept: the next 'escmon run' writes score and alert records",
                "again from that time on. Internal topics of other applications whose id",
                "starts with '<application.id>-' (backtests, replays) are kept.",
                "",
                "Stop every 'escmon run' of the application first: reset refuses while the",
                "application has live members. Try --dry-run first: it prints the plan and",
                "changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (with --dry-run: the plan printed)", "1:an error; the message says what to do",
                "2:invalid options", "3:refused: the application has live members ('escmon run')"})
public final class ResetCommand implements Callable<Integer>, ConnectsToKafka {

    /** Exit code when the application is running. */
    public static final int REFUSED = 3;

    @Mixin
    KafkaOptions kafka;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to-datetime", required = true, paramLabel = "TIME",
                description = "Reprocess from the first record at or after this time, e.g. 2024-01-01T00:00:00Z (or a date, 2024-01-01, meaning its midnight UTC).")
        String time;

        @Option(names = "--to-earliest", required = true, description = "Reprocess everything the input topic holds.")
        boolean earliest;
    }

    @Option(names = "--dry-run", description = "Print what would be done; change nothing.")
    boolean dryRun;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory whose <application.id> directory is deleted (default: the setting state.dir).")
    Path stateDir;

    private ClusterAccess access;

    @Override
    public ClusterAccess access() {
        return access;
    }

    @Override
    public Integer call() throws Exception {
        ResetTarget to = target.earliest ? ResetTarget.EARLIEST : ResetTarget.parse(target.time);
        EscmonConfig config = kafka.configOrLocal(stateDir == null ? Map.of() : Map.of("state.dir", stateDir.toString()));
        String applicationId = config.get("application.id");
        access = ClusterAccess.of("reset", config, CommandAcls.reset(config));
        ApplicationReset.Request request = new ApplicationReset.Request(applicationId, config.get("bootstrap.servers"),
                config.topics(), to, dryRun, LocalState.of(Path.of(config.get("state.dir")), applicationId),
                config.scoreParameters().window(), config.kafkaClientProperties());
        try (Cluster cluster = Cluster.external(config)) {
            ApplicationReset.Result result = ApplicationReset.run(cluster.admin(), request);
            System.out.print(ResetReport.text(result));
            System.out.flush();
            return 0;
        } catch (LiveMembersException e) {
            spec.commandLine().getErr().println("escmon reset: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return REFUSED;
        }
    }
}
