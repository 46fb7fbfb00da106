package io.github.escmon.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Score or alert records grouped by dyad, each dyad's in order, each record in a canonical JSON form: the unit in
 * which a run is compared with an uninterrupted one (order holds within a dyad, not across dyads).
 *
 * @param byDyad dyad to its records, in order
 */
record DyadRecords(Map<String, List<String>> byDyad) {

    /** A file's records (JSON Lines, as {@code escmon backtest} writes them), in file order. */
    static DyadRecords of(Path file) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    add(out, line);
                }
            }
        }
        return new DyadRecords(out);
    }

    /** A topic's committed records (read_committed), in offset order. */
    static DyadRecords of(String bootstrapServers, String topic) throws IOException {
        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, List<String>> out = new TreeMap<>();
        try (var reader = new TopicReader<>(client, topic, new StringDeserializer())) {
            for (var r : reader.readToEnd(Duration.ofMinutes(2))) {
                add(out, r.value());
            }
        }
        return new DyadRecords(out);
    }

    long count() {
        return byDyad.values().stream().mapToLong(List::size).sum();
    }

    /** Records of {@code expected} that this lacks (a record expected twice and here once counts once). */
    long lostFrom(DyadRecords expected) {
        return surplus(expected, this);
    }

    /** Records this has beyond {@code expected}: doubled or foreign. */
    long extraOver(DyadRecords expected) {
        return surplus(this, expected);
    }

    private static long surplus(DyadRecords more, DyadRecords less) {
        long n = 0;
        for (var e : more.byDyad.entrySet()) {
            Map<String, Integer> left = counts(less.byDyad.getOrDefault(e.getKey(), List.of()));
            for (String record : e.getValue()) {
                if (left.merge(record, -1, Integer::sum) < 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Map<String, Integer> counts(List<String> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    private static void add(Map<String, List<String>> out, String json) throws IOException {
        JsonNode node = Json.MAPPER.readTree(json);
        out.computeIfAbsent(node.get("dyad").asText(), d -> new ArrayList<>()).add(node.toString());
    }
}
