package io.github.escmon.producer.gdelt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.escmon.events.InvalidIncidentException;
import io.github.escmon.events.Json;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns one GDELT event row into an incident of escmon's schema (SCORING.md §1), validated by the same rules as
 * the topic's. A row that names no pair of actors is unpaired, and is not read further; a row that cannot be an
 * incident is invalid, with the column (or incident field) at fault.
 */
final class GdeltIncidentMapping {

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    /** NumSources at which a GDELT event counts with full confidence (SCORING.md §1). */
    private static final double FULL_CONFIDENCE_SOURCES = 3.0;

    private final SourceSettings settings;
    private final GdeltVersion version;

    GdeltIncidentMapping(SourceSettings settings, GdeltVersion version) {
        this.settings = settings;
        this.version = version;
    }

    Row map(long line, String raw, GdeltFields fields) {
        Optional<GdeltActor> source = GdeltActor.of(fields, GdeltActor.Side.ACTOR1, settings.actorLevel());
        Optional<GdeltActor> target = GdeltActor.of(fields, GdeltActor.Side.ACTOR2, settings.actorLevel());
        if (source.isEmpty() || target.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (source.isEmpty()) {
                reasons.add(GdeltActor.whyNone(fields, GdeltActor.Side.ACTOR1));
            }
            if (target.isEmpty()) {
                reasons.add(GdeltActor.whyNone(fields, GdeltActor.Side.ACTOR2));
            }
            return new Row.Unpaired(line, String.join("; ", reasons));
        }
        try {
            return new Row.Valid(line, settings.validator().incident(incident(fields, source.get(), target.get())));
        } catch (InvalidIncidentException e) {
            return new Row.Invalid(line, e.field(), e.getMessage(), raw);
        }
    }

    private ObjectNode incident(GdeltFields fields, GdeltActor source, GdeltActor target) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", "gdelt-" + whole(fields, GdeltColumn.GLOBALEVENTID));
        node.put("occurredAt", version.occurredAt(fields).toString());
        node.put("source", source.code());
        node.put("target", target.code());
        String cameo = cameo(fields);
        node.put("cameo", cameo);
        String goldstein = fields.get(GdeltColumn.GOLDSTEIN_SCALE);
        if (!goldstein.isEmpty()) {
            node.put("goldstein", decimal(GdeltColumn.GOLDSTEIN_SCALE, goldstein));
        }
        node.put("confidence", confidence(fields));
        node.put("summary", source.name() + " → " + target.name() + ": " + cameo);
        String url = fields.get(GdeltColumn.SOURCEURL);
        if (!url.isEmpty()) {
            node.put("url", url);
        }
        ObjectNode location = location(fields);
        if (!location.isEmpty()) {
            node.set("location", location);
        }
        return node;
    }

    private static String cameo(GdeltFields fields) {
        String code = fields.get(GdeltColumn.EVENT_CODE);
        if (code.isEmpty()) {
            throw GdeltColumn.EVENT_CODE.invalid("required, the CAMEO event code");
        }
        return CameoCode.restore(code, fields.get(GdeltColumn.EVENT_ROOT_CODE));
    }

    /**
     * min(1, NumSources/3). GDELT counts at least one source for every event it reports, so a row without
     * one is broken, not an event of no weight (and confidence 0 is outside the schema's (0, 1]).
     */
    private static double confidence(GdeltFields fields) {
        String text = fields.get(GdeltColumn.NUM_SOURCES);
        long sources = WHOLE.matcher(text).matches() ? Long.parseLong(text) : 0;
        if (sources < 1) {
            throw GdeltColumn.NUM_SOURCES.invalid("must be a whole number >= 1 (confidence is min(1, NumSources/3)), got "
                    + GdeltColumn.quoted(text));
        }
        return Math.min(1.0, sources / FULL_CONFIDENCE_SOURCES);
    }

    /** Where it happened, as evidence: the parts GDELT gives. */
    private static ObjectNode location(GdeltFields fields) {
        ObjectNode location = Json.MAPPER.createObjectNode();
        String country = fields.get(GdeltColumn.ACTION_GEO_COUNTRY_CODE);
        String name = fields.get(GdeltColumn.ACTION_GEO_FULL_NAME);
        String lat = fields.get(GdeltColumn.ACTION_GEO_LAT);
        String lon = fields.get(GdeltColumn.ACTION_GEO_LONG);
        if (!country.isEmpty()) {
            location.put("country", country);
        }
        if (!name.isEmpty()) {
            location.put("name", name);
        }
        if (!lat.isEmpty()) {
            location.put("lat", decimal(GdeltColumn.ACTION_GEO_LAT, lat));
        }
        if (!lon.isEmpty()) {
            location.put("lon", decimal(GdeltColumn.ACTION_GEO_LONG, lon));
        }
        return location;
    }

    private static String whole(GdeltFields fields, GdeltColumn column) {
        String text = fields.get(column);
        if (!WHOLE.matcher(text).matches()) {
            throw column.invalid(text.isEmpty() ? "required" : "must be a whole number, got " + GdeltColumn.quoted(text));
        }
        return text;
    }

    private static double decimal(GdeltColumn column, String text) {
        double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(value)) {
            throw column.invalid("must be a number, got " + GdeltColumn.quoted(text));
        }
        return value;
    }
}
