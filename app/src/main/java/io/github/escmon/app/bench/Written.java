package io.github.escmon.app.bench;

import io.github.escmon.events.TopicNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What a Kafka Streams run wrote to one topic: an output topic or one of its stores' changelogs. The ratio of a
 * monitor to the pass-through ceiling follows from these: the ceiling writes one record per input record, the
 * monitor its score records, alerts and every change of its state.
 *
 * @param topic   {@code scores}, {@code alerts}, {@code dead letters}, or the changelog's store name
 * @param records offsets the run used on the topic (its records, plus one transaction marker per partition a
 *                transaction wrote to: under exactly-once a few per cent of the changelogs' small counts)
 * @param bytes   the topic's size on disk (record batches with their headers), the largest replica's per partition
 */
public record Written(String topic, long records, long bytes) {

    /** What the run wrote: its output topics, then its changelogs, largest first. */
    static List<Written> measure(Admin admin, TopicNames topics, String applicationId) throws Exception {
        Map<String, String> labels = new HashMap<>();
        labels.put(topics.scores(), "scores");
        labels.put(topics.alerts(), "alerts");
        labels.put(topics.deadLetter(), "dead letters");
        String prefix = applicationId + "-";
        String suffix = "-changelog";
        for (String name : admin.listTopics().names().get(30, TimeUnit.SECONDS)) {
            if (name.startsWith(prefix) && name.endsWith(suffix) && name.length() > prefix.length() + suffix.length()) {
                labels.put(name, name.substring(prefix.length(), name.length() - suffix.length()));
            }
        }
        Map<String, TopicDescription> described = admin.describeTopics(labels.keySet()).allTopicNames().get(30, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        described.values().forEach(d -> d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
        Set<Integer> brokers = new TreeSet<>();
        described.values().forEach(d -> d.partitions().forEach(p -> p.replicas().forEach(n -> brokers.add(n.id()))));
        Map<TopicPartition, Long> sizes = sizes(admin, brokers);

        List<Written> out = new ArrayList<>();
        for (String name : labels.keySet()) {
            long records = 0;
            long bytes = 0;
            for (TopicPartition tp : partitions) {
                if (tp.topic().equals(name)) {
                    records += latest.getOrDefault(tp, 0L) - earliest.getOrDefault(tp, 0L);
                    bytes += sizes.getOrDefault(tp, 0L);
                }
            }
            out.add(new Written(labels.get(name), records, bytes));
        }
        out.sort((x, y) -> {
            int outputs = Boolean.compare(!x.isOutput(), !y.isOutput());
            return outputs != 0 ? outputs : Long.compare(y.records, x.records);
        });
        return List.copyOf(out);
    }

    /** Records per input record. */
    double recordsPer(long inputs) {
        return inputs == 0 ? 0 : (double) records / inputs;
    }

    /** Bytes per input record. */
    double bytesPer(long inputs) {
        return inputs == 0 ? 0 : (double) bytes / inputs;
    }

    private boolean isOutput() {
        return topic.equals("scores") || topic.equals("alerts") || topic.equals("dead letters");
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec)))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Bytes on disk of every replica on {@code brokers}, the largest copy of each partition. Only describeLogDirs
     * tells sizes (describeReplicaLogDirs does not), and the Admin API asks it for whole brokers: the brokers are
     * those holding the run's partitions, and the caller keeps only those partitions.
     */
    private static Map<TopicPartition, Long> sizes(Admin admin, Set<Integer> brokers) throws Exception {
        Map<TopicPartition, Long> sizes = new HashMap<>();
        admin.describeLogDirs(brokers).allDescriptions().get(30, TimeUnit.SECONDS).values().forEach(dirs ->
                dirs.values().forEach(dir -> dir.replicaInfos().forEach((tp, info) ->
                        sizes.merge(tp, ((ReplicaInfo) info).size(), Math::max))));
        return sizes;
    }
}
