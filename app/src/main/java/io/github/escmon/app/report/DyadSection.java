package io.github.escmon.app.report;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.app.summary.DyadEpisode;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import java.util.List;
import java.util.Locale;

/** The part of the report about one alerting dyad: its episodes, score chart, alerts, exchanges and events. */
final class DyadSection {

    private DyadSection() {
    }

    /** The fragment id of a dyad's section; dyad keys are {@code [A-Z0-9_-]}, anything else is dropped. */
    static String anchor(String dyad) {
        return "dyad-" + (dyad == null ? "" : dyad.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /**
     * @param scores   the dyad's score records in time order (at least one)
     * @param alerts   the dyad's alert records in time order
     * @param episodes the dyad's alert episodes
     */
    static String render(String dyad, List<DyadScore> scores, List<Alert> alerts, List<DyadEpisode> episodes,
                         AlertParameters thresholds) {
        DyadEvents events = DyadEvents.of(scores);
        DyadScore first = scores.get(0);
        StringBuilder out = new StringBuilder(65_536);
        out.append("<section class=\"dyad\" id=\"").append(Html.text(anchor(dyad))).append("\">\n");
        out.append("<h2>").append(Html.text(dyad)).append("</h2>\n");
        out.append("<p class=\"lede\">").append(lede(episodes, events)).append("</p>\n");
        out.append("<figure>\n").append(new ScoreChart(dyad, scores, alerts, thresholds, events).render());
        out.append(legend(first.a(), first.b())).append("</figure>\n");
        alertTable(out, alerts);
        exchangeList(out, events);
        eventTable(out, events, first.a());
        out.append("</section>\n");
        return out.toString();
    }

    private static String lede(List<DyadEpisode> episodes, DyadEvents events) {
        StringBuilder s = new StringBuilder();
        for (DyadEpisode e : episodes) {
            if (!s.isEmpty()) {
                s.append("<br/>");
            }
            s.append("Alert from ").append(TimeText.of(e.firstFiring())).append(", peak ")
                    .append(badge(e.peakLevel())).append(" score ")
                    .append(String.format(Locale.ROOT, "%.2f", e.peakScore())).append(" at ")
                    .append(TimeText.of(e.peakAt())).append(", ")
                    .append(e.resolved() == null ? "still open at the end of the records"
                            : "resolved " + TimeText.of(e.resolved()))
                    .append(".");
        }
        int n = events.responses().size();
        s.append(" ").append(n == 0 ? "No tit-for-tat response in the records."
                : n + " tit-for-tat response" + (n == 1 ? "" : "s") + " in the records, numbered on the chart.");
        return s.toString();
    }

    static String badge(String level) {
        return "<span class=\"badge level-" + ScoreChart.cssName(level) + "\">" + Html.text(level) + "</span>";
    }

    private static String legend(String a, String b) {
        return "<figcaption class=\"legend\">"
                + "<span class=\"key\"><span class=\"swatch line\"></span>score</span>"
                + "<span class=\"key\"><span class=\"swatch band-WATCH\"></span>WATCH</span>"
                + "<span class=\"key\"><span class=\"swatch band-WARNING\"></span>WARNING</span>"
                + "<span class=\"key\"><span class=\"swatch band-CRITICAL\"></span>CRITICAL</span>"
                + "<span class=\"key\"><span class=\"swatch dot\"></span>event</span>"
                + "<span class=\"key\"><span class=\"swatch diamond\"></span>tit-for-tat response (numbered)</span>"
                + "<span class=\"key\"><span class=\"swatch tick ab\"></span>" + Html.text(a + " → " + b) + "</span>"
                + "<span class=\"key\"><span class=\"swatch tick ba\"></span>" + Html.text(b + " → " + a) + "</span>"
                + "<span class=\"hint\">Hover a mark for details.</span>"
                + "</figcaption>\n";
    }

    private static void alertTable(StringBuilder out, List<Alert> alerts) {
        out.append("<h3>Alerts</h3>\n<table class=\"alerts\">\n<thead><tr><th class=\"time fit\">time (UTC)</th>"
                + "<th class=\"fit\">status</th><th class=\"fit\">level</th><th class=\"num fit\">score</th><th>why</th></tr></thead>\n<tbody>\n");
        for (Alert a : alerts) {
            boolean resolved = Alert.RESOLVED.equals(a.status());
            String was = !resolved && a.previousLevel() != null && !"NONE".equals(a.previousLevel())
                    ? " <span class=\"muted\">(was " + Html.text(a.previousLevel()) + ")</span>" : "";
            out.append("<tr><td class=\"time\">").append(TimeText.of(a.at())).append("</td><td class=\"fit\">")
                    .append(Html.text(a.status())).append("</td><td class=\"fit\">")
                    .append(resolved ? Html.text(a.level()) + " ended" : badge(a.level()) + was)
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", a.score()))
                    .append("</td><td>").append(a.titForTat() ? "<span class=\"tag\">tit-for-tat</span> " : "")
                    .append(Html.text(a.summary())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private static void exchangeList(StringBuilder out, DyadEvents events) {
        if (events.responses().isEmpty()) {
            return;
        }
        out.append("<h3>Tit-for-tat exchanges</h3>\n<ol class=\"exchanges\">\n");
        for (DyadScore s : events.responses()) {
            Exchange x = s.lastExchange();
            out.append("<li><span class=\"time\">").append(TimeText.of(s.at())).append("</span> ")
                    .append(Html.text(DyadEvents.describe(x)))
                    .append(" <span class=\"muted\">(").append(Html.text(x.response())).append(" answering ")
                    .append(Html.text(x.provocation())).append(")</span></li>\n");
        }
        out.append("</ol>\n");
    }

    private static void eventTable(StringBuilder out, DyadEvents events, String a) {
        out.append("<h3>Events behind the score</h3>\n");
        if (events.events().isEmpty()) {
            out.append("<p class=\"muted\">The score records carry no evidence.</p>\n");
            return;
        }
        // a link column only where the source gave urls
        boolean links = events.events().stream().anyMatch(e -> e.url() != null && !e.url().isBlank());
        out.append("<table class=\"events\">\n<thead><tr><th class=\"time fit\">time (UTC)</th><th class=\"fit\">from → to</th>"
                + "<th class=\"fit\">CAMEO</th><th class=\"num fit\" title=\"the heaviest weight (hostility × decay) the event had in a score record\">weight</th>"
                + "<th class=\"num fit\">killed</th><th>summary</th>" + (links ? "<th class=\"fit\">link</th>" : "")
                + "</tr></thead>\n<tbody>\n");
        for (Evidence e : events.events()) {
            int exchange = events.number(e.id());
            out.append("<tr><td class=\"time\">").append(TimeText.of(e.occurredAt())).append("</td>")
                    .append("<td class=\"actors\"><span class=\"dir ").append(a != null && a.equals(e.source()) ? "ab" : "ba")
                    .append("\"></span>").append(Html.text(e.source())).append(" → ").append(Html.text(e.target()))
                    .append("</td><td>").append(Html.text(e.cameo())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f", e.weight())).append("</td><td class=\"num\">")
                    .append(e.fatalities()).append("</td><td class=\"summary\">")
                    .append(exchange == 0 ? "" : "<span class=\"tag\" title=\""
                            + Html.text(DyadEvents.describe(events.responses().get(exchange - 1).lastExchange()))
                            + "\">tit-for-tat #" + exchange + "</span> ")
                    .append(Html.text(e.summary())).append("</td>")
                    .append(links ? "<td class=\"link\">" + Html.link(e.url()) + "</td>" : "").append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
