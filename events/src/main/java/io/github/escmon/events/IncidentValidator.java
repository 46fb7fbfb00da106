package io.github.escmon.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Turns a JSON object into an {@link Incident} or a {@link Heartbeat}, enforcing every rule of SCORING.md §1.
 * Each failure is an {@link InvalidIncidentException} whose message names the field and quotes the value.
 *
 * <p>Two rules go beyond §1 because Kafka needs them: event times before 1970 cannot be record timestamps, and
 * an event more than {@code maxFuture} ahead of the wall clock would drag stream time forward and make every
 * later event look late (and a broker refuses record timestamps more than an hour ahead by default).
 */
public final class IncidentValidator {

    private static final Pattern ACTOR = Pattern.compile("[A-Z0-9_]{2,32}");
    private static final Pattern CAMEO = Pattern.compile("[0-9]{2,4}");
    private static final int MAX_ID = 200;
    private static final int MAX_QUOTE = 60;
    /** Below Kafka's own limit on record timestamps ahead of the broker clock (message.timestamp.after.max.ms, 1 h). */
    public static final Duration DEFAULT_MAX_FUTURE = Duration.ofMinutes(30);

    private final Codebook codebook;
    private final Clock clock;
    private final Duration maxFuture;

    public IncidentValidator(Codebook codebook, Clock clock, Duration maxFuture) {
        this.codebook = codebook;
        this.clock = clock;
        this.maxFuture = maxFuture;
    }

    public static IncidentValidator standard() {
        return new IncidentValidator(Codebook.standard(), Clock.systemUTC(), DEFAULT_MAX_FUTURE);
    }

    public Codebook codebook() {
        return codebook;
    }

    /** A heartbeat ({@code {"heartbeat": instant}}) or an incident. */
    public TimelineRecord validate(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidIncidentException("record", "record: expected a JSON object, got " + kind(node));
        }
        if (node.has("heartbeat")) {
            if (node.size() != 1) {
                throw new InvalidIncidentException("heartbeat", "heartbeat: a heartbeat record has no other fields, got "
                        + node.size() + " (an incident must not carry a heartbeat field)");
            }
            return new Heartbeat(instant(node, "heartbeat"));
        }
        return incident(node);
    }

    public Incident incident(JsonNode node) {
        String id = requiredText(node, "id");
        int length = id.codePointCount(0, id.length());
        if (length == 0 || length > MAX_ID) {
            throw new InvalidIncidentException("id", "id: must be 1-" + MAX_ID + " characters, got " + length + " (" + quote(id) + ")");
        }
        if (!isWellFormed(id)) {
            throw new InvalidIncidentException("id", "id: contains an unpaired surrogate (not valid Unicode): " + quote(id));
        }
        Instant occurredAt = instant(node, "occurredAt");
        String source = actor(node, "source");
        String target = actor(node, "target");
        Double goldstein = optionalNumber(node, "goldstein", -10, 10, true, "a number in [-10, 10]");
        String cameo = cameo(node, goldstein != null);
        int fatalities = fatalities(node);
        Double confidence = optionalNumber(node, "confidence", 0, 1, false, "a number in (0, 1]");
        return new Incident(id, occurredAt, source, target, cameo, goldstein, fatalities,
                confidence == null ? 1.0 : confidence,
                optionalText(node, "summary"), optionalText(node, "url"), location(node));
    }

    private Instant instant(JsonNode node, String field) {
        String text = requiredText(node, field);
        Instant t;
        try {
            t = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidIncidentException(field, field + ": not an ISO-8601 instant such as 2024-01-18T01:00:00Z: " + quote(text));
        }
        if (t.isBefore(Instant.EPOCH)) {
            throw new InvalidIncidentException(field, field + ": " + text + " is before 1970-01-01T00:00:00Z, which Kafka timestamps cannot express");
        }
        Instant limit = clock.instant().plus(maxFuture);
        if (t.isAfter(limit)) {
            throw new InvalidIncidentException(field, field + ": " + text + " is more than " + maxFuture + " in the future (after " + limit + ")");
        }
        return t;
    }

    private static String actor(JsonNode node, String field) {
        String code = requiredText(node, field);
        if (!ACTOR.matcher(code).matches()) {
            throw new InvalidIncidentException(field, field + ": actor code must match [A-Z0-9_]{2,32}, got " + quote(code));
        }
        return code;
    }

    private String cameo(JsonNode node, boolean hasGoldstein) {
        JsonNode v = node.get("cameo");
        if (v == null || v.isNull()) {
            if (hasGoldstein) {
                return null;
            }
            throw new InvalidIncidentException("cameo", "cameo: required when goldstein is not given");
        }
        if (!v.isTextual()) {
            throw new InvalidIncidentException("cameo", "cameo: must be a string (keep leading zeros, \"0231\"), got " + kind(v) + " " + show(v));
        }
        String code = v.asText();
        if (!CAMEO.matcher(code).matches()) {
            throw new InvalidIncidentException("cameo", "cameo: must be 2-4 digits, got " + quote(code));
        }
        if (!hasGoldstein && codebook.goldstein(code).isEmpty()) {
            throw new InvalidIncidentException("cameo", "cameo: unknown CAMEO code " + quote(code) + " (neither it nor a parent code is in the Goldstein table)");
        }
        return code;
    }

    private static int fatalities(JsonNode node) {
        JsonNode v = node.get("fatalities");
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new InvalidIncidentException("fatalities", "fatalities: must be an integer >= 0, got " + show(v));
        }
        return v.asInt();
    }

    /** A number in [lo, hi] (or (lo, hi] when {@code loInclusive} is false), null when absent. */
    private static Double optionalNumber(JsonNode node, String field, double lo, double hi, boolean loInclusive, String expected) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new InvalidIncidentException(field, field + ": must be " + expected + ", got " + kind(v) + " " + show(v));
        }
        double d = v.asDouble();
        boolean aboveLo = loInclusive ? d >= lo : d > lo;
        if (!Double.isFinite(d) || !aboveLo || d > hi) {
            throw new InvalidIncidentException(field, field + ": must be " + expected + ", got " + v);
        }
        return d;
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidIncidentException(field, field + ": required");
        }
        if (!v.isTextual()) {
            throw new InvalidIncidentException(field, field + ": must be a string, got " + kind(v) + " " + show(v));
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidIncidentException(field, field + ": must be a string, got " + kind(v));
        }
        return v.asText();
    }

    private static JsonNode location(JsonNode node) {
        JsonNode v = node.get("location");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new InvalidIncidentException("location", "location: must be an object, got " + kind(v));
        }
        return v;
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode v) {
        return v == null ? "nothing" : v.getNodeType().name().toLowerCase();
    }

    /** A JSON value as a person would write it: strings quoted, anything else as JSON, both cut short. */
    private static String show(JsonNode v) {
        if (v.isTextual()) {
            return quote(v.asText());
        }
        String json = v.toString();
        return json.length() > MAX_QUOTE ? json.substring(0, MAX_QUOTE) + "…" : json;
    }

    /** The value in quotes, cut short so that a 1 MB string does not become a 1 MB message. */
    static String quote(String s) {
        String cut = s.length() > MAX_QUOTE ? s.substring(0, MAX_QUOTE) + "…(" + s.length() + " chars)" : s;
        return "\"" + cut + "\"";
    }
}
