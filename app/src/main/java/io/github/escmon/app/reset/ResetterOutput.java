package io.github.escmon.app.reset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of Kafka's {@code StreamsResetter}: its exit code and what it printed, read back. The tool reports its
 * plan only as text, in lines that have kept their form since Kafka 2.x; {@code ApplicationResetIT} holds this
 * reading to the real tool.
 */
public record ResetterOutput(int exitCode, String out, String err) {

    private static final Pattern OFFSET = Pattern.compile("^Topic: (\\S+) Partition: (\\d+) Offset: (-?\\d+)$");
    private static final Pattern AT_END = Pattern.compile(
            "^Partition (\\d+) from topic (\\S+) is empty, without a committed record\\. Falling back to latest known offset\\.$");
    private static final Pattern INTERNAL = Pattern.compile("^Deleting (?:inferred|specified) internal topics \\[(.*)]$");
    private static final Pattern ERROR = Pattern.compile("^ERROR: (?:[\\w.$]+(?:Exception|Error): )?(.*)$");

    /** New offset of each input partition, in partition order. */
    public Map<TopicPartition, Long> offsets() {
        Map<TopicPartition, Long> offsets = new TreeMap<>(ResetterOutput::compare);
        for (String line : out.lines().toList()) {
            Matcher m = OFFSET.matcher(line.strip());
            if (m.matches()) {
                offsets.put(new TopicPartition(m.group(1), Integer.parseInt(m.group(2))), Long.parseLong(m.group(3)));
            }
        }
        return offsets;
    }

    /** Partitions without a record at or after the time, which the tool moves to their end. */
    public Set<TopicPartition> atEnd() {
        Set<TopicPartition> atEnd = new HashSet<>();
        for (String line : out.lines().toList()) {
            Matcher m = AT_END.matcher(line.strip());
            if (m.matches()) {
                atEnd.add(new TopicPartition(m.group(2), Integer.parseInt(m.group(1))));
            }
        }
        return atEnd;
    }

    /** The internal topics the tool deletes (or, in a dry run, would delete); empty if it did not get that far. */
    public Optional<List<String>> internalTopics() {
        for (String line : out.lines().toList()) {
            Matcher m = INTERNAL.matcher(line.strip());
            if (m.matches()) {
                String list = m.group(1).strip();
                return Optional.of(list.isEmpty() ? List.of()
                        : Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
            }
        }
        return Optional.empty();
    }

    /** The tool's error message without the exception class, if it failed. */
    public Optional<String> error() {
        List<String> errors = new ArrayList<>();
        for (String line : err.lines().toList()) {
            Matcher m = ERROR.matcher(line.strip());
            if (m.matches()) {
                errors.add(m.group(1));
            }
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
    }

    /** True if the tool refused because the group has members (an instance started after escmon's own check). */
    public boolean refusedForActiveMembers() {
        return err.contains("is still active and has following members");
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}
