package io.github.escmon.app.config;

/** A setting that is missing, unknown or malformed; the message says which and what is expected. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
