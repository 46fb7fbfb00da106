package io.github.escmon.app.reset;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan of a reset in plain words: what moved (or would move), what was (or would be) deleted, what is kept. */
public final class ResetReport {

    private ResetReport() {
    }

    public static String text(ApplicationReset.Result result) {
        ApplicationReset.Request r = result.request();
        boolean dry = r.dryRun();
        String nl = System.lineSeparator();
        StringBuilder out = new StringBuilder();
        out.append(dry ? "Dry run of the reset" : "Reset").append(" of application '").append(r.applicationId())
                .append("' on ").append(r.bootstrapServers()).append(" to ").append(r.target().describe())
                .append(dry ? " (nothing is changed)" : "").append(nl);
        out.append("Input topic ").append(r.topics().incidents()).append(", committed offset -> ")
                .append(dry ? "new offset it would move to:" : "new offset:").append(nl);
        for (ApplicationReset.Move m : result.moves()) {
            out.append("  partition ").append(m.partition().partition()).append(": ")
                    .append(m.committed() == null ? "none" : m.committed().toString()).append(" -> ")
                    .append(m.offset() == null ? "? (not reported by Kafka's reset tool)" : m.offset().toString());
            if (m.toEnd()) {
                out.append(" (the end: no record at or after the time)");
            }
            out.append(nl);
        }
        out.append(dry ? "Internal topics to delete: " : "Internal topics deleted: ")
                .append(result.internalTopics().isEmpty() ? "none" : String.join(", ", result.internalTopics())).append(nl);
        if (!result.neighbourTopics().isEmpty()) {
            Map<String, List<String>> byOwner = new LinkedHashMap<>();
            result.neighbourTopics().forEach((topic, owner) -> byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(topic));
            out.append("Internal topics kept, of other applications whose id starts with '").append(r.applicationId())
                    .append("-': ").append(byOwner.entrySet().stream()
                            .map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")")
                            .collect(Collectors.joining("; "))).append(nl);
        }
        out.append(dry ? "Local state to delete: " : "Local state deleted: ")
                .append(result.localStateFound() ? r.localState().toString() : "none (no " + r.localState() + " on this host)").append(nl);
        out.append("Output topics kept: ").append(r.topics().scores()).append(", ").append(r.topics().alerts()).append(", ")
                .append(r.topics().deadLetter()).append(" (the next 'escmon run' writes records again ")
                .append(r.target().from()).append(")").append(nl);
        if (!r.target().isEarliest()) {
            out.append("Note: the windows start empty, so scores in the first ").append(days(r.window()))
                    .append(" after the time miss the events before it (reset to score.window earlier for full scores).").append(nl);
        }
        if (dry) {
            out.append("Dry run: nothing changed. Run the same command without --dry-run to reset.").append(nl);
        } else {
            out.append("Done. The next 'escmon run' reprocesses ").append(r.topics().incidents()).append(' ')
                    .append(r.target().from()).append(". Hosts other than this one that ran the application keep their ")
                    .append("own state: delete <state.dir>/").append(r.applicationId()).append(" there before starting them.")
                    .append(nl);
        }
        return out.toString();
    }

    private static String days(Duration d) {
        if (d.toMinutes() % 60 != 0) {
            return d.toMinutes() + " minutes";
        }
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }
}
