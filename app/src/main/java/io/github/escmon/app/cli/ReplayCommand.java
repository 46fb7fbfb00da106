package io.github.escmon.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being written (issue #4). */
@Command(name = "replay", mixinStandardHelpOptions = true, hidden = true, description = "Not available yet (issue #4).")
public final class ReplayCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("escmon replay is not available yet");
    }
}
