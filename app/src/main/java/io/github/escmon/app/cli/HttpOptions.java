package io.github.escmon.app.cli;

import io.github.escmon.app.service.HttpSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --http-port}, {@code --http-bind} and {@code --http-advertise} of the commands that serve HTTP. */
public final class HttpOptions {

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of /health, /ready, /metrics, /dyads/{dyad} and /alerts (default: ${DEFAULT-VALUE}, or a free port if that is taken; 0: a free port; logged).")
    int port;

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the HTTP server binds (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--http-advertise", paramLabel = "HOST:PORT",
            description = "Where other instances of the application reach this one's HTTP server, for /dyads and /alerts across instances (default: the bound address; the host name when bound to 0.0.0.0).")
    String advertise;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    HttpSettings settings() {
        boolean chosen = spec.commandLine().getParseResult().hasMatchedOption("--http-port");
        return new HttpSettings(bind, port, !chosen, advertise);
    }
}
