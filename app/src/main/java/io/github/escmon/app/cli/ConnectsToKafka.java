package io.github.escmon.app.cli;

import io.github.escmon.app.security.ClusterAccess;

/** A command that talks to a Kafka cluster; {@link ErrorReporter} tells a refusal with what the command needs. */
public interface ConnectsToKafka {

    /** What the command needs of the cluster with the settings it runs with; null until it has read them. */
    ClusterAccess access();
}
