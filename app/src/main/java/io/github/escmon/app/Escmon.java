package io.github.escmon.app;

import io.github.escmon.app.bench.BenchCommand;
import io.github.escmon.app.cli.AlertsCommand;
import io.github.escmon.app.cli.BacktestCommand;
import io.github.escmon.app.cli.DemoCommand;
import io.github.escmon.app.cli.ErrorReporter;
import io.github.escmon.app.cli.ProduceCommand;
import io.github.escmon.app.cli.ReplayCommand;
import io.github.escmon.app.cli.ResetCommand;
import io.github.escmon.app.cli.RunCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code escmon} command line. */
@Command(name = "escmon",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {"Escalation monitor: per-dyad tit-for-tat escalation scores and alerts on Kafka Streams.",
                "",
                "Incidents between actors go to the 'incidents' topic; the monitor scores each actor pair (dyad) and writes score records to 'escalation-scores' and alerts to 'escalation-alerts'. Without --bootstrap-servers, demo, run and backtest start an embedded Kafka broker."},
        subcommands = {DemoCommand.class, RunCommand.class, ProduceCommand.class, BacktestCommand.class,
                ReplayCommand.class, ResetCommand.class, AlertsCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Start with:  escmon demo        (the Iran-Pakistan story of January 2024, alerts as they fire)"})
public final class Escmon implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Escmon())
                .setExecutionExceptionHandler(new ErrorReporter())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
