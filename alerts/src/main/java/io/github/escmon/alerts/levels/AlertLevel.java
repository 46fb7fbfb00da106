package io.github.escmon.alerts.levels;

/** Alert levels in rising order; NONE means no open alert. */
public enum AlertLevel {
    NONE, WATCH, WARNING, CRITICAL
}
