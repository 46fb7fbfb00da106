package io.github.escmon.producer.acled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.InvalidIncidentException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypeTableTest {

    private static final EventTypeTable TABLE = EventTypeTable.standard();

    /** The event and sub-event types of the current ACLED codebook, written out from it. */
    private static final List<String> CODEBOOK = List.of(
            "Battles|Armed clash",
            "Battles|Government regains territory",
            "Battles|Non-state actor overtakes territory",
            "Explosions/Remote violence|Chemical weapon",
            "Explosions/Remote violence|Air/drone strike",
            "Explosions/Remote violence|Suicide bomb",
            "Explosions/Remote violence|Shelling/artillery/missile attack",
            "Explosions/Remote violence|Remote explosive/landmine/IED",
            "Explosions/Remote violence|Grenade",
            "Violence against civilians|Sexual violence",
            "Violence against civilians|Attack",
            "Violence against civilians|Abduction/forced disappearance",
            "Protests|Peaceful protest",
            "Protests|Protest with intervention",
            "Protests|Excessive force against protesters",
            "Riots|Violent demonstration",
            "Riots|Mob violence",
            "Strategic developments|Agreement",
            "Strategic developments|Arrests",
            "Strategic developments|Change to group/activity",
            "Strategic developments|Disrupted weapons use",
            "Strategic developments|Headquarters or base established",
            "Strategic developments|Looting/property destruction",
            "Strategic developments|Non-violent transfer of territory",
            "Strategic developments|Other");

    /**
     * Violent by the codebook's own definitions (armed fighting; explosions and remote weapons; violence against
     * unarmed people; violent crowds), so the code must be hostile by SCORING.md §2: Goldstein at most -4.
     */
    private static final Set<String> VIOLENT = Set.of("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots");

    @Test
    void theTableHasOneRowForEachSubEventTypeOfTheCodebookAndNoOther() {
        List<String> rows = TABLE.entries().stream().map(e -> e.eventType() + "|" + e.subEventType()).toList();
        assertEquals(rows.size(), new HashSet<>(rows).size(), "no type twice");
        assertEquals(Set.copyOf(CODEBOOK), Set.copyOf(rows));
    }

    static Stream<EventTypeTable.Entry> entries() {
        return TABLE.entries().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void eachCodeIsItselfARowOfTheCameoTable(EventTypeTable.Entry entry) throws IOException {
        assertTrue(entry.cameo().matches("[0-9]{2,4}"), entry.cameo());
        assertTrue(Codebook.standard().goldstein(entry.cameo()).isPresent(), entry.cameo());
        assertTrue(cameoCodesListed().contains(entry.cameo()), entry.cameo() + " is in the table itself, not only by a parent code");
        assertFalse(entry.rationale() == null || entry.rationale().isBlank(), "every row says why");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void violentTypesMapToHostileCodes(EventTypeTable.Entry entry) {
        if (VIOLENT.contains(entry.eventType())) {
            assertTrue(goldstein(entry) <= -4.0, entry + " has Goldstein " + goldstein(entry));
        }
    }

    @Test
    void anAgreementIsCooperative() {
        // the codebook: "agreements between actors" (ceasefires, peace deals, prisoner exchanges)
        assertTrue(goldstein(entry("Strategic developments", "Agreement")) > 0);
    }

    @Test
    void arrestsAndLootingAreHostileAndOrganisationalChangeCarriesNoWeight() {
        assertTrue(goldstein(entry("Strategic developments", "Arrests")) <= -4.0);
        assertTrue(goldstein(entry("Strategic developments", "Looting/property destruction")) <= -4.0);
        assertEquals(0.0, goldstein(entry("Strategic developments", "Change to group/activity")));
        assertEquals(0.0, goldstein(entry("Strategic developments", "Other")));
    }

    @Test
    void namesMatchIgnoringCaseAndRepeatedSpaces() {
        assertEquals("195", TABLE.cameo(" explosions/remote VIOLENCE", "Air/drone   strike "));
    }

    @Test
    void anUnknownEventTypeOrSubEventTypeIsNamedInTheError() {
        InvalidIncidentException type = assertThrows(InvalidIncidentException.class, () -> TABLE.cameo("Remote violence", ""));
        assertEquals("event_type", type.field());
        assertTrue(type.getMessage().startsWith("event_type: unknown ACLED event type \"Remote violence\""), type.getMessage());
        InvalidIncidentException sub = assertThrows(InvalidIncidentException.class, () -> TABLE.cameo("Battles", "Shootout"));
        assertEquals("sub_event_type", sub.field());
        assertTrue(sub.getMessage().contains("\"Shootout\" of \"Battles\""), sub.getMessage());
        assertTrue(sub.getMessage().contains("Armed clash"), "lists the known ones: " + sub.getMessage());
    }

    private static EventTypeTable.Entry entry(String type, String sub) {
        return TABLE.entries().stream().filter(e -> e.eventType().equals(type) && e.subEventType().equals(sub))
                .findFirst().orElseThrow();
    }

    private static double goldstein(EventTypeTable.Entry entry) {
        return Codebook.standard().goldstein(entry.cameo()).orElseThrow();
    }

    /** The codes listed in the CAMEO → Goldstein resource the events module ships. */
    private static Set<String> cameoCodesListed() throws IOException {
        String resource = "/cameo/CAMEO.goldsteinscale.txt";
        try (InputStream in = Objects.requireNonNull(Codebook.class.getResourceAsStream(resource), resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().skip(1).map(l -> l.trim().split("\\s+")[0]).collect(Collectors.toSet());
        }
    }
}
