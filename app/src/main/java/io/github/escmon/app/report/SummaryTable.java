package io.github.escmon.app.report;

import io.github.escmon.app.summary.DyadEpisode;
import io.github.escmon.app.summary.RunSummary;
import java.util.Locale;

/** The run's alert episodes as a table, one row per episode, each dyad linked to its section. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String render(RunSummary summary) {
        if (summary.episodes().isEmpty()) {
            return "<p>No alerts: no dyad reached a threshold.</p>\n";
        }
        StringBuilder out = new StringBuilder("<table class=\"summary\">\n<thead><tr><th>dyad</th><th class=\"time\">first FIRING</th>"
                + "<th>peak</th><th class=\"num\">peak score</th><th class=\"time\">peak at</th><th class=\"time\">RESOLVED</th>"
                + "<th class=\"num\" title=\"the most tit-for-tat exchanges the dyad's window held during the episode\">exchanges</th></tr></thead>\n<tbody>\n");
        for (DyadEpisode e : summary.episodes()) {
            out.append("<tr class=\"episode\" data-dyad=\"").append(Html.text(e.dyad())).append("\"><td><a href=\"#")
                    .append(Html.text(DyadSection.anchor(e.dyad()))).append("\">").append(Html.text(e.dyad()))
                    .append("</a></td><td class=\"time\">").append(TimeText.of(e.firstFiring())).append("</td><td>")
                    .append(DyadSection.badge(e.peakLevel())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.2f", e.peakScore())).append("</td><td class=\"time\">")
                    .append(TimeText.of(e.peakAt())).append("</td><td class=\"time\">")
                    .append(e.resolved() == null ? "<span class=\"muted\">open</span>" : TimeText.of(e.resolved()))
                    .append("</td><td class=\"num\">").append(e.exchanges()).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
