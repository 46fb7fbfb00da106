package io.github.escmon.app.bench;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.app.monitor.Monitor;
import io.github.escmon.app.monitor.OutcomeCounts;

/** The real {@link Monitor} as a benched application. */
final class MonitorApp implements BenchedApp {

    private final Monitor monitor;

    MonitorApp(EscmonConfig config) {
        this.monitor = new Monitor(config);
    }

    @Override
    public String applicationId() {
        return monitor.applicationId();
    }

    @Override
    public void begin() {
        monitor.begin();
    }

    @Override
    public void checkHealthy() {
        monitor.checkHealthy();
    }

    OutcomeCounts outcomes() {
        return monitor.outcomes();
    }

    @Override
    public void close() {
        monitor.close();
    }
}
