package io.github.escmon.producer.acled;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.escmon.events.InvalidIncidentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ACLED event type and sub-event type → the CAMEO code of what actor1 did to actor2, from the table shipped as
 * {@code acled/acled-to-cameo.csv} (columns event_type, sub_event_type, cameo, rationale; one row per sub-event
 * type of the current ACLED codebook). Names match ignoring case and runs of spaces.
 */
final class EventTypeTable {

    static final String RESOURCE = "/acled/acled-to-cameo.csv";

    /** One row of the table. */
    record Entry(String eventType, String subEventType, String cameo, String rationale) {
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final EventTypeTable STANDARD = read();

    private final List<Entry> entries;
    private final Map<String, Map<String, Entry>> byType = new LinkedHashMap<>();

    EventTypeTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byType.computeIfAbsent(key(e.eventType()), k -> new LinkedHashMap<>()).put(key(e.subEventType()), e);
        }
    }

    /** The table as shipped. */
    static EventTypeTable standard() {
        return STANDARD;
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * The CAMEO code for a row's types.
     *
     * @throws InvalidIncidentException naming the event type (field {@code event_type}) or the sub-event type
     *                                  (field {@code sub_event_type}) the table does not know
     */
    String cameo(String eventType, String subEventType) {
        Map<String, Entry> subs = byType.get(key(eventType));
        if (subs == null) {
            throw new InvalidIncidentException("event_type", "event_type: unknown ACLED event type "
                    + AcledRow.quote(eventType) + " (known: " + String.join(", ", eventTypes()) + ")");
        }
        Entry entry = subs.get(key(subEventType));
        if (entry == null) {
            throw new InvalidIncidentException("sub_event_type", "sub_event_type: unknown sub-event type "
                    + AcledRow.quote(subEventType) + " of " + AcledRow.quote(eventType) + " (known: "
                    + String.join(", ", subs.values().stream().map(Entry::subEventType).toList()) + ")");
        }
        return entry.cameo();
    }

    private Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        entries.forEach(e -> types.add(e.eventType()));
        return types;
    }

    private static String key(String name) {
        return WHITE_SPACE.matcher(name.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static EventTypeTable read() {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = Objects.requireNonNull(EventTypeTable.class.getResourceAsStream(RESOURCE), RESOURCE);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema).readValues(in)) {
            List<Entry> entries = new ArrayList<>();
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                entries.add(new Entry(row.get("event_type"), row.get("sub_event_type"), row.get("cameo"), row.get("rationale")));
            }
            return new EventTypeTable(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
