package io.github.escmon.app.report;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.app.summary.DyadEpisode;
import io.github.escmon.app.summary.RunSummary;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run as one self-contained HTML page: a header (input, event time range, tally, thresholds and changed
 * settings), the summary table of alert episodes, and per alerting dyad a score chart (inline SVG), its alerts,
 * tit-for-tat exchanges and the events behind the score. Nothing is fetched: the CSS is inline, there are no
 * scripts, and a Content-Security-Policy forbids loading anything. The page is also well-formed XML, and the
 * same input gives the same bytes.
 */
public final class HtmlReport {

    private static final String CSS = "/report/report.css";

    private HtmlReport() {
    }

    public static void write(Path out, ReportInput input) throws IOException {
        Files.writeString(out, render(input), StandardCharsets.UTF_8);
    }

    public static String render(ReportInput input) {
        Map<String, List<DyadScore>> scores = byDyad(input.scores(), DyadScore::dyad, DyadScore::at);
        Map<String, List<Alert>> alerts = byDyad(input.alerts(), Alert::dyad, Alert::at);
        RunSummary summary = RunSummary.of(input.alerts(), input.scores());
        StringBuilder out = new StringBuilder(262_144);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Html.text("escmon report: " + input.source())).append("</title>\n")
                .append("<style>\n").append(css()).append("</style>\n</head>\n<body>\n<main>\n");
        header(out, input, scores.size(), alerts.keySet().size());
        out.append("<section id=\"summary\">\n<h2>Alert episodes</h2>\n").append(SummaryTable.render(summary))
                .append("</section>\n");
        List<String> alerting = alerting(summary, alerts);
        for (String dyad : alerting) {
            List<DyadScore> dyadScores = scores.get(dyad);
            List<DyadEpisode> episodes = summary.episodes().stream().filter(e -> e.dyad().equals(dyad)).toList();
            if (dyadScores == null || dyadScores.isEmpty()) {
                out.append("<section class=\"dyad\" id=\"").append(Html.text(DyadSection.anchor(dyad))).append("\">\n<h2>")
                        .append(Html.text(dyad)).append("</h2>\n<p class=\"muted\">Alerts but no score records for this dyad.</p>\n</section>\n");
            } else {
                out.append(DyadSection.render(dyad, dyadScores, alerts.get(dyad), episodes, input.thresholds()));
            }
        }
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, ReportInput input, int dyads, int alertingDyads) {
        List<DyadScore> events = input.scores().stream().filter(s -> !s.isTick()).toList();
        long eventCount = events.stream().map(DyadScore::eventId).filter(Objects::nonNull).distinct().count();
        out.append("<header>\n<h1>escmon report: <span class=\"source\">").append(Html.text(input.source()))
                .append("</span></h1>\n<dl class=\"facts\">\n<dt>Events</dt><dd>");
        if (events.isEmpty()) {
            out.append("no event was scored");
        } else {
            Instant first = events.stream().map(DyadScore::at).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = events.stream().map(DyadScore::at).max(Comparator.naturalOrder()).orElseThrow();
            out.append(TimeText.of(first)).append(" to ").append(TimeText.of(last)).append(" UTC: ")
                    .append(eventCount).append(" scored event").append(eventCount == 1 ? "" : "s").append(" in ")
                    .append(dyads).append(" dyad").append(dyads == 1 ? "" : "s").append(", ").append(alertingDyads)
                    .append(" of them alerting; ").append(input.scores().size()).append(" score records, ")
                    .append(input.alerts().size()).append(" alerts");
        }
        out.append("</dd>\n");
        if (input.tally() != null) {
            out.append("<dt>Tally</dt><dd><code>").append(Html.text(input.tally())).append("</code></dd>\n");
        }
        AlertParameters t = input.thresholds();
        out.append("<dt>Thresholds</dt><dd>").append(DyadSection.badge("WATCH")).append(" ")
                .append(ScoreChart.number(t.watch())).append(" ").append(DyadSection.badge("WARNING")).append(" ")
                .append(ScoreChart.number(t.warning())).append(" ").append(DyadSection.badge("CRITICAL")).append(" ")
                .append(ScoreChart.number(t.critical())).append(" <span class=\"muted\">(a level ends ")
                .append(ScoreChart.number(t.hysteresis())).append(" under its threshold, held ")
                .append(TimeText.hours(t.hold().toMinutes() / 60.0)).append(")</span></dd>\n<dt>Settings</dt><dd>");
        if (input.settings().isEmpty()) {
            out.append("defaults");
        } else {
            List<String> pairs = new ArrayList<>();
            input.settings().forEach((k, v) -> pairs.add("<code>" + Html.text(k + "=" + v) + "</code>"));
            out.append("changed from the defaults: ").append(String.join(", ", pairs));
        }
        out.append("</dd>\n</dl>\n</header>\n");
    }

    /** Alerting dyads in the order of their first alert episode. */
    private static List<String> alerting(RunSummary summary, Map<String, List<Alert>> alerts) {
        List<String> dyads = new ArrayList<>();
        summary.episodes().forEach(e -> {
            if (!dyads.contains(e.dyad())) {
                dyads.add(e.dyad());
            }
        });
        alerts.keySet().stream().filter(d -> !dyads.contains(d)).sorted().forEach(dyads::add);
        return dyads;
    }

    /** Records grouped by dyad, each group in time order (records at the same time keep their order). */
    private static <T> Map<String, List<T>> byDyad(List<T> records, java.util.function.Function<T, String> dyad,
                                                   java.util.function.Function<T, Instant> at) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T r : records) {
            groups.computeIfAbsent(dyad.apply(r), k -> new ArrayList<>()).add(r);
        }
        groups.values().forEach(g -> g.sort(Comparator.comparing(at)));
        return groups;
    }

    private static String css() {
        try (InputStream in = Objects.requireNonNull(HtmlReport.class.getResourceAsStream(CSS), CSS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
