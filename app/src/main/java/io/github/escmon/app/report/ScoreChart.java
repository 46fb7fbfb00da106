package io.github.escmon.app.report;

import io.github.escmon.alerts.levels.AlertLevel;
import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import io.github.escmon.events.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One dyad's score over time as inline SVG: alert bands shaded by level, the three thresholds, the score line
 * (broken where the dyad went unevaluated), its event records as dots, tit-for-tat responses as numbered
 * diamonds and the events behind the score as ticks along the bottom, coloured by direction. Sizes are in a
 * 1000-wide view box that the page scales to its width; colours live in the page's CSS.
 */
final class ScoreChart {

    static final double WIDTH = 1000;
    static final double HEIGHT = 290;
    private static final double LEFT = 40;
    private static final double RIGHT = 104;
    private static final double TOP = 16;
    private static final double BOTTOM = 44;
    private static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double PLOT_H = HEIGHT - TOP - BOTTOM;
    private static final double LABEL_GAP = 14;
    /** Beyond this many tit-for-tat responses in one chart their numbers would only clutter it. */
    private static final int MAX_NUMBERED = 40;

    private final String dyad;
    private final List<DyadScore> scores;
    private final List<Alert> alerts;
    private final AlertParameters thresholds;
    private final DyadEvents events;
    private final TimeAxis axis;
    private final double yMax;
    private final StringBuilder svg = new StringBuilder(32_768);

    /**
     * @param scores one dyad's score records in time order, at least one
     * @param alerts the same dyad's alert records in time order
     */
    ScoreChart(String dyad, List<DyadScore> scores, List<Alert> alerts, AlertParameters thresholds, DyadEvents events) {
        this.dyad = dyad;
        this.scores = scores;
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.events = events;
        Instant from = scores.get(0).at();
        Instant to = scores.get(scores.size() - 1).at();
        for (Alert a : alerts) {
            from = a.at().isBefore(from) ? a.at() : from;
            to = a.at().isAfter(to) ? a.at() : to;
        }
        this.axis = TimeAxis.over(from, to, LEFT, PLOT_W);
        this.yMax = Math.max(10.0, Math.ceil(thresholds.critical()));
    }

    String render() {
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" preserveAspectRatio=\"xMidYMid meet\""
                        + " role=\"img\" aria-label=\"%s\">\n", WIDTH, HEIGHT, Html.text("score of " + dyad + " over time")));
        svg.append("<title>").append(Html.text("Escalation score of " + dyad + " over event time (UTC)")).append("</title>\n");
        bands();
        grid();
        thresholdLines();
        scoreLine();
        eventTicks();
        exchanges();
        svg.append("</svg>\n");
        return svg.toString();
    }

    private double y(double score) {
        return TOP + PLOT_H * (1 - Math.min(Math.max(score, 0), yMax) / yMax);
    }

    private void bands() {
        svg.append("<g class=\"bands\">\n");
        for (AlertBand b : AlertBand.of(alerts, axis.to())) {
            double x1 = axis.x(b.from());
            double x2 = Math.max(axis.x(b.to()), x1 + 1);
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"band band-%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>\n",
                    cssName(b.level()), x1, TOP, x2 - x1, PLOT_H,
                    Html.text(b.level() + " from " + TimeText.of(b.from())
                            + (b.open() ? ", still open at the end of the records" : " to " + TimeText.of(b.to())))));
        }
        svg.append("</g>\n");
    }

    private void grid() {
        svg.append("<g class=\"grid\">\n");
        for (int s = 0; s <= yMax; s += yMax > 10 ? 4 : 2) {
            double y = y(s);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/><text class=\"y-label\" x=\"%.1f\" y=\"%.1f\">%d</text>\n",
                    LEFT, y, LEFT + PLOT_W, y, LEFT - 8, y + 4, s));
        }
        List<Instant> ticks = axis.ticks();
        for (int i = 0; i < ticks.size(); i++) {
            double x = axis.x(ticks.get(i));
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"x-tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"x-label\" x=\"%.1f\" y=\"%.1f\">%s</text>\n",
                    x, TOP, x, TOP + PLOT_H + 5, x, TOP + PLOT_H + 20, Html.text(axis.label(ticks.get(i), i == 0))));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\">UTC</text>\n",
                LEFT + PLOT_W, HEIGHT - 6));
        svg.append("</g>\n");
    }

    private void thresholdLines() {
        svg.append("<g class=\"thresholds\">\n");
        double labelY = Double.NEGATIVE_INFINITY;
        for (AlertLevel level : List.of(AlertLevel.CRITICAL, AlertLevel.WARNING, AlertLevel.WATCH)) {
            double t = thresholds.threshold(level);
            double y = y(t);
            labelY = Math.max(y + 4, labelY + LABEL_GAP);
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"threshold threshold-%s\" data-level=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                            + "<text class=\"threshold-label threshold-%s\" x=\"%.1f\" y=\"%.1f\">%s %s</text>\n",
                    cssName(level.name()), level, LEFT, y, LEFT + PLOT_W, y, cssName(level.name()), LEFT + PLOT_W + 6,
                    labelY, level, number(t)));
        }
        svg.append("</g>\n");
    }

    private void scoreLine() {
        long gapLimit = typicalStep().toMillis() * 3 / 2;
        StringBuilder d = new StringBuilder(scores.size() * 14);
        Instant previous = null;
        for (DyadScore s : scores) {
            boolean jump = previous == null || s.at().toEpochMilli() - previous.toEpochMilli() > gapLimit;
            d.append(String.format(Locale.ROOT, "%s%.1f %.1f ", jump ? "M" : "L", axis.x(s.at()), y(s.score())));
            previous = s.at();
        }
        svg.append("<path class=\"score\" d=\"").append(d.toString().strip()).append("\"/>\n<g class=\"event-points\">\n");
        for (DyadScore s : scores) {
            if (!s.isTick() && !DyadEvents.isResponse(s)) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"><title>%s</title></circle>\n",
                        axis.x(s.at()), y(s.score()),
                        Html.text(TimeText.of(s.at()) + "  event " + s.eventId() + ": score " + number(s.score()))));
            }
        }
        svg.append("</g>\n");
    }

    /**
     * The tick step, read off the records (the smallest gap between two tick records): a longer gap means the
     * dyad's score was below the tick floor and went unevaluated, so the line breaks there.
     */
    private Duration typicalStep() {
        long best = Long.MAX_VALUE;
        DyadScore previous = null;
        for (DyadScore s : scores) {
            if (previous != null && s.isTick() && previous.isTick()) {
                long gap = s.at().toEpochMilli() - previous.at().toEpochMilli();
                if (gap > 0) {
                    best = Math.min(best, gap);
                }
            }
            previous = s;
        }
        return best == Long.MAX_VALUE ? Duration.ofHours(1) : Duration.ofMillis(best);
    }

    /** The events behind the score as ticks on the time axis, coloured by direction. */
    private void eventTicks() {
        svg.append("<g class=\"event-ticks\">\n");
        for (Evidence e : events.events()) {
            if (e.occurredAt() == null || e.occurredAt().isBefore(axis.from()) || e.occurredAt().isAfter(axis.to())) {
                continue;
            }
            double x = axis.x(e.occurredAt());
            svg.append(String.format(Locale.ROOT,
                    "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"><title>%s</title></line>\n",
                    direction(e.source()), x, TOP + PLOT_H - 12, x, TOP + PLOT_H,
                    Html.text(TimeText.of(e.occurredAt()) + "  " + e.source() + " → " + e.target() + "  CAMEO " + e.cameo()
                            + (e.summary() == null ? "" : ": " + e.summary()))));
        }
        svg.append("</g>\n");
    }

    private void exchanges() {
        List<DyadScore> responses = events.responses();
        List<double[]> taken = new ArrayList<>();
        for (DyadScore s : scores) {
            if (!s.isTick()) {
                double r = DyadEvents.isResponse(s) ? 7 : 4;
                double cx = axis.x(s.at());
                double cy = y(s.score());
                taken.add(new double[] {cx - r, cy - r, cx + r, cy + r});
            }
        }
        boolean numbered = responses.size() <= MAX_NUMBERED;
        svg.append("<g class=\"exchanges\">\n");
        for (int i = 0; i < responses.size(); i++) {
            DyadScore s = responses.get(i);
            Exchange x = s.lastExchange();
            double cx = axis.x(s.at());
            double cy = y(s.score());
            String n = Integer.toString(i + 1);
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"exchange %s\" data-at=\"%s\" data-response=\"%s\"><title>%s</title>"
                            + "<path d=\"M%.1f %.1fl7 7l-7 7l-7 -7z\"/>",
                    direction(x.from()), s.at(), Html.text(x.response()),
                    Html.text("#" + n + "  " + TimeText.of(s.at()) + "  " + DyadEvents.describe(x)), cx, cy - 7));
            if (numbered) {
                double[] box = labelBox(cx, cy, n.length(), taken);
                taken.add(box);
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>", cx, box[3] - 1, n));
            }
            svg.append("</g>\n");
        }
        svg.append("</g>\n");
    }

    /**
     * Where a marker's number goes: above it, else below, else stepping further out, whichever first overlaps
     * no other marker or number and stays in the chart (the first choice if none does).
     */
    private static double[] labelBox(double cx, double cy, int digits, List<double[]> taken) {
        double half = 4.5 * digits + 1;
        double[] first = null;
        for (double bottom : new double[] {cy - 9, cy + 21, cy - 21, cy + 33, cy - 33, cy + 45, cy - 45}) {
            double[] box = {cx - half, bottom - 10, cx + half, bottom};
            if (box[1] < 2 || box[3] > TOP + PLOT_H) {
                continue;
            }
            first = first == null ? box : first;
            if (taken.stream().noneMatch(t -> box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) {
                return box;
            }
        }
        return first != null ? first : new double[] {cx - half, cy + 11, cx + half, cy + 21};
    }

    /** {@code ab} for acts of the dyad's first actor, {@code ba} for the second's. */
    private String direction(String source) {
        return dyad.startsWith(source + "-") ? "ab" : "ba";
    }

    static String cssName(String level) {
        return level == null ? "NONE" : level.replaceAll("[^A-Za-z0-9_-]", "");
    }

    /** A setting's number as people write it: {@code 7}, {@code 7.5}, {@code 7.25}. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceFirst("\\.?0+$", "");
    }
}
