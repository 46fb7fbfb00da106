package io.github.escmon.events;

/** The four topics of a deployment; names are configurable, and a replay gets its own with a suffix. */
public record TopicNames(String incidents, String deadLetter, String scores, String alerts) {

    public static final String INCIDENTS = "incidents";
    public static final String DEAD_LETTER = "incidents-dlq";
    public static final String SCORES = "escalation-scores";
    public static final String ALERTS = "escalation-alerts";

    public static TopicNames defaults() {
        return new TopicNames(INCIDENTS, DEAD_LETTER, SCORES, ALERTS);
    }

    /** The same names with {@code .suffix} appended: one run's isolated set of topics. */
    public TopicNames withSuffix(String suffix) {
        return new TopicNames(incidents + "." + suffix, deadLetter + "." + suffix, scores + "." + suffix, alerts + "." + suffix);
    }
}
