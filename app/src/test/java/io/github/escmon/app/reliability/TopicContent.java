package io.github.escmon.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.app.output.TopicReader;
import io.github.escmon.events.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What an {@code incidents} topic holds: the incident ids under each key (a dyad), in offset order, and how many
 * heartbeats (records without a key).
 */
record TopicContent(Map<String, List<String>> idsByDyad, long heartbeats) {

    static TopicContent read(String bootstrapServers, String topic) throws IOException {
        Properties client = new Properties();
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Map<String, List<String>> ids = new TreeMap<>();
        long heartbeats = 0;
        try (var reader = new TopicReader<>(client, topic, new StringDeserializer())) {
            for (var r : reader.readToEnd(Duration.ofMinutes(1))) {
                if (r.key() == null) {
                    heartbeats++;
                } else {
                    JsonNode incident = Json.MAPPER.readTree(r.value());
                    ids.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(incident.get("id").asText());
                }
            }
        }
        return new TopicContent(ids, heartbeats);
    }

    long incidents() {
        return idsByDyad.values().stream().mapToLong(List::size).sum();
    }
}
