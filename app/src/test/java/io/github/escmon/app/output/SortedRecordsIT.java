package io.github.escmon.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.Json;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An output topic read back in canonical order (time, dyad, offset), whether it fits in one run in memory or is
 * spilled to many runs on disk and merged: the same records in the same order as a plain sort of what was sent.
 */
@WithKafka
@Timeout(120)
class SortedRecordsIT {

    /** A stand-in for a score record: what matters is its time, its dyad and its place in the partition. */
    record Rec(String dyad, long at, int n) {
    }

    private record Sent(Rec rec, long offset) {
    }

    @Test
    void aTopicComesBackInCanonicalOrderInMemoryOrSpilledToDisk(KafkaCluster kafka) throws Exception {
        String topic = KafkaCluster.uniqueName("sorted");
        kafka.createTopic(topic, 3, Map.of());
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        SplittableRandom r = new SplittableRandom(11);
        List<Sent> sent = new ArrayList<>();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
            List<Rec> recs = new ArrayList<>();
            for (int i = 0; i < 6_000; i++) {
                // times repeat often, and a dyad's records are not in time order within its partition
                Rec rec = new Rec("D" + r.nextInt(40), 1_700_000_000_000L + r.nextInt(500) * 60_000L, i);
                recs.add(rec);
                acks.add(producer.send(new ProducerRecord<>(topic, null, rec.at(), rec.dyad(), Json.MAPPER.writeValueAsString(rec))));
            }
            for (int i = 0; i < recs.size(); i++) {
                sent.add(new Sent(recs.get(i), acks.get(i).get().offset()));
            }
        }
        List<Rec> expected = sent.stream()
                .sorted(Comparator.<Sent>comparingLong(s -> s.rec().at()).thenComparing(s -> s.rec().dyad())
                        .thenComparingLong(Sent::offset))
                .map(Sent::rec).toList();

        try (SortedRecords<Rec> inMemory = SortedRecords.read(props, topic, Rec.class, Duration.ofMinutes(1))) {
            assertEquals(6_000, inMemory.size());
            assertEquals(expected, inMemory.toList());
        }
        Path dir;
        try (SortedRecords<Rec> spilled = SortedRecords.read(props, topic, Rec.class, Duration.ofMinutes(1), 20_000)) {
            dir = spilled.spillDirectory();
            assertTrue(spilled.runCount() > 10 && spilled.runCount() <= SortedRecords.FAN_IN, "spilled to " + spilled.runCount() + " runs");
            assertEquals(expected, spilled.toList());
            assertEquals(expected, spilled.toList(), "a second pass merges again");
        }
        assertFalse(Files.exists(dir), "closing deletes the runs");
        try (SortedRecords<Rec> counted = SortedRecords.count(props, topic, Rec.class, Duration.ofMinutes(1))) {
            assertEquals(6_000, counted.size());
            assertEquals(null, counted.spillDirectory(), "counting keeps nothing, in memory or on disk");
            assertThrows(IllegalStateException.class, counted::toList);
        }
        // so many runs that they are merged in two levels (more than FAN_IN files are never open at once)
        try (SortedRecords<Rec> deep = SortedRecords.read(props, topic, Rec.class, Duration.ofMinutes(1), 4_000)) {
            dir = deep.spillDirectory();
            assertTrue(deep.runCount() <= SortedRecords.FAN_IN, deep.runCount() + " runs left to merge");
            assertEquals(expected, deep.toList());
        }
        assertFalse(Files.exists(dir), "closing deletes the runs");
    }
}
