package io.github.escmon.app.cli;

import io.github.escmon.app.config.ConfigException;
import io.github.escmon.app.security.ClusterAccess;
import io.github.escmon.events.Causes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns a failed command into one clear line on stderr (the stack trace goes to the debug log) and exit code 1. A
 * refusal by Kafka (a login, a missing ACL) is told with what the command needs of the cluster.
 */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        String hint = e instanceof ConfigException ? " (see 'escmon " + cmd.getCommandName() + " --help')" : "";
        ClusterAccess access = cmd.getCommand() instanceof ConnectsToKafka c ? c.access() : null;
        String text = (access == null ? Optional.<String>empty() : access.explain(e)).orElseGet(() -> Causes.message(e) + hint);
        cmd.getErr().println("escmon " + cmd.getCommandName() + ": " + LINE_BREAKS.matcher(text).replaceAll(" "));
        LOG.debug("escmon {} failed", cmd.getCommandName(), e);
        return 1;
    }

}
