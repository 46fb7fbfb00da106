package io.github.escmon.app.reliability;

import io.github.escmon.testkit.KafkaCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Topics and an application id of one test's own, so that its monitor shares nothing with others on a broker. */
record IsolatedTopics(String applicationId, String incidents, String scores, String alerts, String deadLetter) {

    static IsolatedTopics named(String prefix) {
        String suffix = KafkaCluster.uniqueName(prefix);
        return new IsolatedTopics("escmon-" + suffix, "incidents." + suffix, "scores." + suffix, "alerts." + suffix, "dlq." + suffix);
    }

    /** The flags that point any escmon command at this broker and these topics. */
    List<String> flags(String bootstrapServers) {
        return List.of("--bootstrap-servers", bootstrapServers,
                "--set", "topics.incidents=" + incidents, "--set", "topics.dead-letter=" + deadLetter,
                "--set", "topics.scores=" + scores, "--set", "topics.alerts=" + alerts);
    }

    /**
     * {@code escmon run} as this application, with state in {@code stateDir} and {@code extra} flags; HTTP on a free
     * port.
     */
    List<String> run(String bootstrapServers, Path stateDir, String guarantee, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--http-port", "0"));
        args.addAll(flags(bootstrapServers));
        args.addAll(List.of("--set", "application.id=" + applicationId, "--set", "state.dir=" + stateDir,
                "--set", "processing.guarantee=" + guarantee));
        args.addAll(List.of(extra));
        return args;
    }

    /** {@code escmon produce FILE} to these topics. */
    String[] produce(String bootstrapServers, Path file) {
        List<String> args = new ArrayList<>(List.of("produce", file.toString(), "--quiet"));
        args.addAll(flags(bootstrapServers));
        return args.toArray(String[]::new);
    }
}
