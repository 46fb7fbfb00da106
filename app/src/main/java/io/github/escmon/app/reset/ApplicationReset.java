package io.github.escmon.app.reset;

import io.github.escmon.events.TopicNames;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownMemberIdException;
import org.apache.kafka.tools.StreamsResetter;

/**
 * {@code escmon reset}: Kafka's streams application reset tool applied to escmon's application, plus the local
 * state that the tool leaves to the application ({@code KafkaStreams.cleanUp()}).
 *
 * <ol>
 *   <li>Checks, changing nothing: the input topic exists, the application's group has no live member (else
 *       {@link LiveMembersException}), and which internal topics are the application's.</li>
 *   <li>Runs the tool ({@link KafkaResetTool}): input offsets to the first record at or after the time (or the
 *       beginning), the application's internal topics deleted; with {@code dryRun} the tool's own dry run.</li>
 *   <li>Deletes {@code state.dir/<application.id>} on this host.</li>
 * </ol>
 *
 * <p>The tool deletes every topic named {@code <application.id>-…-changelog} (or {@code -repartition}), which
 * includes those of other applications whose id extends this one: escmon's own backtests, demos and replays are
 * {@code escmon-…} next to the live {@code escmon}. So the topics of every existing group {@code <application.id>-…}
 * are kept, and the tool is given the exact list ({@code --internal-topics}). When the application has no internal
 * topic of its own but such a neighbour has (a second reset in a row, say), the tool cannot be told to delete
 * nothing: then its dry run gives the offsets, and escmon commits them itself.
 */
public final class ApplicationReset {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What to reset. */
    public record Request(String applicationId, String bootstrapServers, TopicNames topics, ResetTarget target,
                          boolean dryRun, LocalState localState, Duration window, Properties clientProperties) {
    }

    /** One input partition: its committed offset before (null: none) and where it moves (null: not reported). */
    public record Move(TopicPartition partition, Long committed, Long offset, boolean toEnd) {
    }

    /** What was done, or in a dry run what would be. */
    public record Result(Request request, List<Move> moves, List<String> internalTopics,
                         Map<String, String> neighbourTopics, boolean localStateFound) {
    }

    private ApplicationReset() {
    }

    public static Result run(Admin admin, Request request) throws LiveMembersException, IOException, InterruptedException {
        String appId = request.applicationId();
        String input = request.topics().incidents();
        Set<String> topics = get(admin.listTopics().names(), request, "list the topics");
        if (!topics.contains(input)) {
            throw new IllegalArgumentException("the input topic '" + input + "' does not exist on " + request.bootstrapServers()
                    + ": check --bootstrap-servers and the setting topics.incidents (--set topics.incidents=NAME). Nothing was changed.");
        }
        Collection<GroupListing> groups = get(admin.listGroups().all(), request, "list the consumer groups");
        checkNoLiveMembers(admin, request, groups);
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata(), request, "read the committed offsets");
        int partitions = get(admin.describeTopics(List.of(input)).allTopicNames(), request, "describe the input topic")
                .get(input).partitions().size();

        // the application's internal topics: the tool's rule, minus those of applications whose id extends this one
        Map<String, String> neighbours = new TreeMap<>();
        List<String> own = new ArrayList<>();
        for (String topic : topics.stream().sorted().toList()) {
            if (topic.equals(input) || !topic.startsWith(appId + "-") || !StreamsResetter.matchesInternalTopicFormat(topic)) {
                continue;
            }
            Optional<String> owner = groups.stream().map(GroupListing::groupId)
                    .filter(g -> g.startsWith(appId + "-") && topic.startsWith(g + "-"))
                    .max((a, b) -> Integer.compare(a.length(), b.length()));
            if (owner.isPresent()) {
                neighbours.put(topic, owner.get());
            } else {
                own.add(topic);
            }
        }
        boolean ownOffsetsCommit = own.isEmpty() && !neighbours.isEmpty();

        ResetterOutput tool = KafkaResetTool.run(new KafkaResetTool.Request(appId, request.bootstrapServers(), input,
                request.target(), own, request.dryRun() || ownOffsetsCommit, request.clientProperties()));
        if (tool.refusedForActiveMembers()) {
            checkNoLiveMembers(admin, request, get(admin.listGroups().all(), request, "list the consumer groups"));
            throw new LiveMembersException(appId, List.of());
        }
        if (tool.exitCode() != 0) {
            throw new IllegalStateException("Kafka's streams application reset tool failed: "
                    + tool.error().orElse("exit code " + tool.exitCode() + " (run with -Dorg.slf4j.simpleLogger.log.io.github.escmon.app.reset=debug for its output)")
                    + (request.dryRun() || ownOffsetsCommit ? ". Nothing was changed."
                    : ". The input offsets may have moved already; the local state was kept. Fix the cause and run escmon reset again (it is safe to repeat)."));
        }
        Map<TopicPartition, Long> offsets = tool.offsets();
        if (ownOffsetsCommit && !request.dryRun()) {
            commit(admin, request, offsets);
        }

        List<Move> moves = new ArrayList<>();
        Set<TopicPartition> toEnd = tool.atEnd();
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(input, p);
            OffsetAndMetadata before = committed.get(tp);
            moves.add(new Move(tp, before == null ? null : before.offset(), offsets.get(tp), toEnd.contains(tp)));
        }
        List<String> deleted = ownOffsetsCommit ? List.of() : tool.internalTopics().orElse(own);

        boolean found = request.localState().exists();
        if (!request.dryRun() && found) {
            try {
                request.localState().delete();
            } catch (IOException e) {
                throw new IOException("the input offsets and internal topics were reset, but the local state "
                        + request.localState() + " could not be deleted (" + e + "): delete it before starting 'escmon run'", e);
            }
        }
        return new Result(request, moves, deleted, neighbours, found);
    }

    /** Refuses while the application's group has members; a group of the new streams protocol is refused too. */
    private static void checkNoLiveMembers(Admin admin, Request request, Collection<GroupListing> groups)
            throws LiveMembersException, InterruptedException {
        String appId = request.applicationId();
        Optional<GroupListing> group = groups.stream().filter(g -> g.groupId().equals(appId)).findFirst();
        if (group.isEmpty()) {
            return;
        }
        GroupType type = group.get().type().orElse(GroupType.CLASSIC);
        if (type != GroupType.CLASSIC && type != GroupType.CONSUMER) {
            throw new IllegalStateException("the group of application '" + appId + "' is a " + type + " group (setting "
                    + "kafka.group.protocol); Kafka's streams application reset tool resets classic groups only: use "
                    + "Kafka's kafka-streams-groups.sh to reset it. Nothing was changed.");
        }
        List<MemberDescription> members;
        try {
            members = List.copyOf(admin.describeConsumerGroups(List.of(appId)).describedGroups().get(appId)
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).members());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw failure(request, "describe the group " + appId, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(request);
        }
        if (!members.isEmpty()) {
            throw new LiveMembersException(appId, members.stream().map(m -> m.clientId() + " on " + m.host()).toList());
        }
    }

    /** Commits the tool's planned offsets for the group (the path where the tool itself must not run for real). */
    private static void commit(Admin admin, Request request, Map<TopicPartition, Long> offsets)
            throws LiveMembersException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> commit = new TreeMap<>((a, b) -> a.partition() - b.partition());
        offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
        try {
            admin.alterConsumerGroupOffsets(request.applicationId(), commit).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownMemberIdException) {
                throw new LiveMembersException(request.applicationId(), List.of());
            }
            throw failure(request, "commit the new offsets", e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(request);
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future, Request request, String what) throws InterruptedException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failure(request, what, e.getCause());
        } catch (TimeoutException e) {
            throw unreachable(request);
        }
    }

    private static IllegalStateException failure(Request request, String what, Throwable cause) {
        return new IllegalStateException("could not " + what + " on " + request.bootstrapServers() + ": " + cause.getMessage()
                + ". Nothing was changed.", cause);
    }

    private static IllegalStateException unreachable(Request request) {
        return new IllegalStateException("no answer from Kafka at " + request.bootstrapServers() + " within " + TIMEOUT.toSeconds()
                + " s: is it running? Check --bootstrap-servers and the kafka.* client settings (security). Nothing was changed.");
    }
}
