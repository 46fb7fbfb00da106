package io.github.escmon.app.docker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Readings of a Grafana dashboard's JSON model that the stack tests share. */
final class GrafanaDashboard {

    private GrafanaDashboard() {
    }

    /** Every panel, rows and the panels inside collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** A query variable's query: a string, or an object with a {@code query} field (Grafana 10+). */
    static String variableQuery(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isObject() ? query.path("query").asText() : query.asText();
    }
}
