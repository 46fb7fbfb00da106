package io.github.escmon.app.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus metric names a Grafana dashboard reads: every {@code expr} in it (panel targets, also inside rows,
 * and annotations) reduced to the names of the series it selects. Enough of PromQL for dashboards, not a parser: a
 * name is an identifier that is neither a keyword nor followed by {@code (} (a function or aggregation), once string
 * literals, label matchers, ranges, grouping clauses, Grafana variables and numbers are taken out. A series selected
 * only by {@code {__name__="…"}} is not seen.
 */
final class DashboardQueries {

    /** Operators and modifiers spelled as words; function and aggregation names are told by the {@code (} after them. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "offset", "and", "or", "unless", "atan2", "inf", "nan");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    /** {@code $var}, {@code ${var}}, {@code ${var:format}}, {@code [[var]]} */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[[^\\]]*]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    /** range and subquery selectors: {@code [5m]}, {@code [1h:1m]} */
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** Grafana's {@code label_values(metric, label)}: the metric stays, the label goes; {@code label_values(label)} goes. */
    private static final Pattern LABEL_VALUES_OF_METRIC = Pattern.compile("\\blabel_values\\s*\\(([^(),]*),[^()]*\\)");
    private static final Pattern LABEL_VALUES_OF_LABEL = Pattern.compile("\\blabel_values\\s*\\(\\s*[a-zA-Z_]\\w*\\s*\\)");
    /** a number or duration (the exponent's sign included), or an identifier with any {@code (} that follows it */
    private static final Pattern TOKEN = Pattern.compile(
            "(?<number>\\d[0-9a-zA-Z_.]*(?:(?<=[eE])[+-]\\d+)?)|(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\\s*\\()?");

    private DashboardQueries() {
    }

    /** The metric names read by every {@code expr} of the dashboard in {@code dashboardJson}. */
    static Set<String> metricNames(Path dashboardJson) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions(new ObjectMapper().readTree(dashboardJson.toFile()))) {
            names.addAll(metricNames(expr));
        }
        return names;
    }

    /** The text of every field named {@code expr}, anywhere in {@code dashboard}, in document order. */
    static List<String> expressions(JsonNode dashboard) {
        List<String> found = new ArrayList<>();
        collect(dashboard, found);
        return found;
    }

    /** The metric names one PromQL expression (or Grafana {@code label_values} query) selects. */
    static Set<String> metricNames(String expr) {
        String rest = STRING.matcher(expr).replaceAll(" ");
        rest = VARIABLE.matcher(rest).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        rest = LABEL_VALUES_OF_METRIC.matcher(rest).replaceAll(" $1 ");
        rest = LABEL_VALUES_OF_LABEL.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(rest);
        while (token.find()) {
            String name = token.group("name");
            if (name != null && token.group("call") == null && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    found.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, found));
        }
    }
}
