package io.github.escmon.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per rule of SCORING.md §1, each pinning the message (field, value, what is expected). */
class IncidentValidatorTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final IncidentSerde serde = new IncidentSerde(new IncidentValidator(Codebook.standard(), NOW, Duration.ofDays(1)));

    private static final String VALID = "{\"id\":\"irpk-1\",\"occurredAt\":\"2024-01-18T01:00:00Z\",\"source\":\"PAK\",\"target\":\"IRN\",\"cameo\":\"195\"}";

    private TimelineRecord parse(String json) {
        return serde.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The valid record with one field replaced (raw JSON value) or removed (null). */
    private static String with(String field, String rawValue) {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(
                Json.MAPPER.convertValue(parseTree(VALID), java.util.Map.class));
        if (rawValue == null) {
            node.remove(field);
        } else {
            node.set(field, parseTree(rawValue));
        }
        return node.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode parseTree(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String reason(String json) {
        return assertThrows(InvalidIncidentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void aValidIncidentCarriesItsFieldsAndDefaults() {
        Incident i = assertInstanceOf(Incident.class, parse(VALID));
        assertEquals("irpk-1", i.id());
        assertEquals(Instant.parse("2024-01-18T01:00:00Z"), i.occurredAt());
        assertEquals("IRN-PAK", i.key());
        assertEquals(0, i.fatalities());
        assertEquals(1.0, i.confidence());
        assertNull(i.goldstein());
    }

    @Test
    void leadingZerosOfCameoCodesAreKept() {
        assertEquals("041", ((Incident) parse(with("cameo", "\"041\""))).cameo());
    }

    @Test
    void aHeartbeatIsOnlyATime() {
        assertEquals(new Heartbeat(Instant.parse("2024-01-18T02:00:00Z")), parse("{\"heartbeat\":\"2024-01-18T02:00:00Z\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id missing                | id         |                          | id: required
            id not a string           | id         | 42                       | id: must be a string, got number 42
            id empty                  | id         | ""                       | id: must be 1-200 characters, got 0 ("")
            occurredAt missing        | occurredAt |                          | occurredAt: required
            occurredAt not ISO        | occurredAt | "18/01/2024"             | occurredAt: not an ISO-8601 instant such as 2024-01-18T01:00:00Z: "18/01/2024"
            occurredAt without zone   | occurredAt | "2024-01-18T01:00:00"    | occurredAt: not an ISO-8601 instant such as 2024-01-18T01:00:00Z: "2024-01-18T01:00:00"
            occurredAt before 1970    | occurredAt | "1899-12-31T00:00:00Z"   | occurredAt: 1899-12-31T00:00:00Z is before 1970-01-01T00:00:00Z, which Kafka timestamps cannot express
            occurredAt far future     | occurredAt | "2030-01-01T00:00:00Z"   | occurredAt: 2030-01-01T00:00:00Z is more than PT24H in the future (after 2026-01-02T00:00:00Z)
            source missing            | source     |                          | source: required
            source lower case         | source     | "pak"                    | source: actor code must match [A-Z0-9_]{2,32}, got "pak"
            source too short          | source     | "P"                      | source: actor code must match [A-Z0-9_]{2,32}, got "P"
            target with a dash        | target     | "IR-N"                   | target: actor code must match [A-Z0-9_]{2,32}, got "IR-N"
            cameo missing             | cameo      |                          | cameo: required when goldstein is not given
            cameo a number            | cameo      | 195                      | cameo: must be a string (keep leading zeros, "0231"), got number 195
            cameo not digits          | cameo      | "19a"                    | cameo: must be 2-4 digits, got "19a"
            cameo unknown             | cameo      | "99"                     | cameo: unknown CAMEO code "99" (neither it nor a parent code is in the Goldstein table)
            goldstein out of range    | goldstein  | -11                      | goldstein: must be a number in [-10, 10], got -11
            goldstein a string        | goldstein  | "-5"                     | goldstein: must be a number in [-10, 10], got string "-5"
            fatalities negative       | fatalities | -1                       | fatalities: must be an integer >= 0, got -1
            fatalities fractional     | fatalities | 1.5                      | fatalities: must be an integer >= 0, got 1.5
            confidence zero           | confidence | 0                        | confidence: must be a number in (0, 1], got 0
            confidence above one      | confidence | 1.01                     | confidence: must be a number in (0, 1], got 1.01
            summary not a string      | summary    | 3                        | summary: must be a string, got number
            location not an object    | location   | "Saravan"                | location: must be an object, got string
            """)
    void eachRuleRejectsWithAMessageNamingFieldAndValue(String rule, String field, String raw, String message) {
        assertEquals(message, reason(with(field, raw)));
    }

    @Test
    void anIdLongerThan200CharactersIsRejectedWithoutQuotingItWhole() {
        String r = reason(with("id", "\"" + "x".repeat(1_000_000) + "\""));
        assertEquals("id: must be 1-200 characters, got 1000000 (\"" + "x".repeat(60) + "…(1000000 chars)\")", r);
    }

    @Test
    void goldsteinMakesCameoOptionalAndAnUnknownCodeAcceptable() {
        assertEquals(-7.5, ((Incident) parse(with("cameo", null).replace("}", ",\"goldstein\":-7.5}"))).goldstein());
        assertEquals("999", ((Incident) parse(with("cameo", "\"999\"").replace("}", ",\"goldstein\":-7.5}"))).cameo());
    }

    @Test
    void unreadableRecordsSaySo() {
        assertEquals("record: expected a JSON object, got array", reason("[1]"));
        assertEquals("record: no value (null)", assertThrows(InvalidIncidentException.class, () -> serde.parse(null)).getMessage());
        assertEquals(true, reason("{\"id\":").startsWith("record: not valid JSON"));
        assertEquals(true, reason("{\"a\":".repeat(100_000)).startsWith("record: not valid JSON"), "deep nesting fails fast");
        assertEquals(true, reason("{\"id\":\"x\",\"goldstein\":NaN}").startsWith("record: not valid JSON"));
    }

    @Test
    void aDomesticEventIsValidButHasNoDyad() {
        Incident i = (Incident) parse(with("target", "\"PAK\""));
        assertEquals(true, i.isDomestic());
        assertEquals("PAK-PAK", i.key());
    }
}
