package io.github.escmon.app.reliability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Which input partitions each instance of a Kafka Streams application holds, as its consumer group says: instances
 * are told apart by their {@code client.id} ({@code <application.id>-<instance>}), which Streams puts in front of
 * its consumers' client ids.
 */
final class GroupAssignment {

    private final Admin admin;
    private final String groupId;
    private final String topic;

    GroupAssignment(Admin admin, String groupId, String topic) {
        this.admin = admin;
        this.groupId = groupId;
        this.topic = topic;
    }

    /** The {@code client.id} to give instance {@code name}. */
    String clientId(String name) {
        return groupId + "-" + name;
    }

    /**
     * Instance name to the partitions of the topic its members hold now (members holding none included); empty
     * before the group exists.
     */
    Map<String, Set<Integer>> now() throws ExecutionException, InterruptedException {
        Map<String, Set<Integer>> out = new TreeMap<>();
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return out;
            }
            throw e;
        }
        for (MemberDescription m : group.members()) {
            String instance = m.clientId().substring(groupId.length() + 1).replaceFirst("-StreamThread-.*", "");
            Set<Integer> partitions = out.computeIfAbsent(instance, i -> new TreeSet<>());
            m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).forEach(tp -> partitions.add(tp.partition()));
        }
        return out;
    }
}
