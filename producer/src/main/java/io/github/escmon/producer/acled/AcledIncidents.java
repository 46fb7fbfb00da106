package io.github.escmon.producer.acled;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.InvalidIncidentException;
import io.github.escmon.producer.source.Row;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One ACLED row → one {@link Row}: an incident in the native schema (SCORING.md §1), validated like any other,
 * or an unpaired row (no actor2), or an invalid row naming the column at fault.
 *
 * <ul>
 *   <li>Direction: actor1 acts on actor2 ({@code source} = actor1, {@code target} = actor2); codes by
 *       {@link ActorCodes}. No actor2 → unpaired. Both sides one country (two Iranian forces) → a valid, domestic
 *       incident, which the monitor counts and does not score.</li>
 *   <li>{@code id} = {@code acled-} + event_id_cnty; {@code occurredAt} = event_date at 00:00Z;
 *       {@code cameo} from {@link EventTypeTable}; {@code fatalities} from the column (empty: 0).</li>
 *   <li>{@code confidence} from time_precision, since the day feeds decay and tit-for-tat lags: 1 (the day is
 *       known) or empty → 1.0; 2 (the week) → 0.75; 3 (the month) → 0.5. geo_precision does not lower it: a vague
 *       place does not make the act between the two actors less certain.</li>
 *   <li>{@code summary} = notes, white space collapsed, cut to {@value #MAX_NOTES} characters, then
 *       " (source: …)" with ACLED's source column (a publication name, so not a {@code url}; there is none).</li>
 *   <li>{@code location} = {country, admin1, location, lat, lon} from country, admin1, location, latitude,
 *       longitude (empty cells left out).</li>
 * </ul>
 */
final class AcledIncidents {

    static final int MAX_NOTES = 500;
    private static final int MAX_SOURCE = 120;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final EventTypeTable types;
    private final IncidentValidator validator;
    private final SortedMap<String, String> derivedCodes = new TreeMap<>();
    /** Actor name → code; a file names a few thousand actors over and over. */
    private final Map<String, ActorCodes.ActorCode> codesByName = new HashMap<>();

    AcledIncidents(EventTypeTable types, IncidentValidator validator) {
        this.types = types;
        this.validator = validator;
    }

    Row toRow(long line, AcledRow row, String raw) {
        try {
            ObjectNode node = NODES.objectNode();
            node.put("id", "acled-" + row.required("event_id_cnty"));
            node.put("occurredAt", AcledDates.startOfDay(row.required("event_date")).toString());
            String subEventType = row.column("sub_event_type");
            node.put("cameo", types.cameo(row.required("event_type"), subEventType));
            putFatalities(node, row.text("fatalities"));
            node.put("confidence", confidence(row.text("time_precision")));
            putSummary(node, row.text("notes"), row.text("source"));
            putLocation(node, row);
            String actor1 = row.required("actor1");
            String actor2 = row.column("actor2");
            if (actor2.isEmpty()) {
                return new Row.Unpaired(line, "no actor2: " + AcledRow.quote(actor1) + " alone (" + subEventType + ")");
            }
            ActorCodes.ActorCode source = codesByName.computeIfAbsent(actor1, ActorCodes::of);
            ActorCodes.ActorCode target = codesByName.computeIfAbsent(actor2, ActorCodes::of);
            node.put("source", source.code());
            node.put("target", target.code());
            Row.Valid valid = new Row.Valid(line, validator.incident(node));
            remember(source, actor1);
            remember(target, actor2);
            return valid;
        } catch (InvalidIncidentException e) {
            return new Row.Invalid(line, e.field(), e.getMessage(), raw);
        }
    }

    /** Codes made up so far (from valid rows), code → the first name seen for it. */
    SortedMap<String, String> derivedCodes() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(derivedCodes));
    }

    private void remember(ActorCodes.ActorCode code, String name) {
        if (code.derived()) {
            derivedCodes.putIfAbsent(code.code(), name);
        }
    }

    /** Left to the validator when not an integer, so the message is the same as for any incident. */
    private static void putFatalities(ObjectNode node, String text) {
        if (text.isEmpty()) {
            return;
        }
        try {
            node.put("fatalities", Long.parseLong(text));
        } catch (NumberFormatException e) {
            node.put("fatalities", text);
        }
    }

    static double confidence(String timePrecision) {
        return switch (timePrecision) {
            case "", "1" -> 1.0;
            case "2" -> 0.75;
            case "3" -> 0.5;
            default -> throw new InvalidIncidentException("time_precision",
                    "time_precision: must be 1, 2 or 3, got " + AcledRow.quote(timePrecision));
        };
    }

    private static void putSummary(ObjectNode node, String notes, String source) {
        String text = cut(WHITE_SPACE.matcher(notes).replaceAll(" "), MAX_NOTES);
        String from = cut(WHITE_SPACE.matcher(source).replaceAll(" "), MAX_SOURCE);
        if (!from.isEmpty()) {
            text = (text.isEmpty() ? "" : text + " ") + "(source: " + from + ")";
        }
        if (!text.isEmpty()) {
            node.put("summary", text);
        }
    }

    private static void putLocation(ObjectNode node, AcledRow row) {
        ObjectNode location = NODES.objectNode();
        for (String column : new String[] {"country", "admin1", "location"}) {
            if (!row.text(column).isEmpty()) {
                location.put(column, row.text(column));
            }
        }
        putCoordinate(location, "lat", row, "latitude", 90);
        putCoordinate(location, "lon", row, "longitude", 180);
        if (!location.isEmpty()) {
            node.set("location", location);
        }
    }

    private static void putCoordinate(ObjectNode location, String field, AcledRow row, String column, double limit) {
        String text = row.text(column);
        if (text.isEmpty()) {
            return;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(Math.abs(value) <= limit)) {
            throw new InvalidIncidentException(column, column + ": must be a number in [-" + (int) limit + ", "
                    + (int) limit + "], got " + AcledRow.quote(text));
        }
        location.put(field, value);
    }

    /** At most {@code max} characters (code points), ending in "…" when cut. */
    private static String cut(String s, int max) {
        String t = s.strip();
        if (t.codePointCount(0, t.length()) <= max) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, max - 1)).stripTrailing() + "…";
    }
}
