package io.github.escmon.app.cli;

import io.github.escmon.app.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Turns a failed command into one clear line on stderr (the stack trace goes to the debug log) and exit code 1. */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        String hint = e instanceof ConfigException ? " (see 'escmon " + cmd.getCommandName() + " --help')" : "";
        cmd.getErr().println("escmon " + cmd.getCommandName() + ": " + message(e) + hint);
        LOG.debug("escmon {} failed", cmd.getCommandName(), e);
        return 1;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
