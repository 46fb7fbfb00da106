package io.github.escmon.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being written (issue #4). */
@Command(name = "reset", mixinStandardHelpOptions = true, hidden = true, description = "Not available yet (issue #4).")
public final class ResetCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("escmon reset is not available yet");
    }
}
