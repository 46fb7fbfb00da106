package io.github.escmon.producer.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.events.IncidentValidator;
import io.github.escmon.producer.follow.FetchException.Kind;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.SourceSettings;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.testkit.KafkaAwait;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follower against a real HTTP server on 127.0.0.1 serving GDELT 2.0 export zips, with the real GDELT 2.0
 * reader; what it would publish is captured instead of sent to Kafka (FollowIT in the app sends it).
 */
@Timeout(20)
class FollowerTest {

    private static final Instant T0 = Instant.parse("2024-01-18T01:00:00Z");
    private static final Duration LAG = Duration.ofMinutes(15);
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), 3);

    @TempDir
    Path stateDir;

    private GdeltServer server;
    private final RecordingSink sink = new RecordingSink();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void startServer() throws Exception {
        server = new GdeltServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Instant slot(int n) {
        return T0.plus(ExportFile.INTERVAL.multipliedBy(n));
    }

    private static String name(int n) {
        return ExportFile.nameAt(slot(n));
    }

    private static long base(int n) {
        return 1_205_571_000L + 10L * n;
    }

    private static byte[] export(int n) {
        return ExportFixtures.export(slot(n), base(n));
    }

    /** GDELT publishes file {@code n}: it is served, and lastupdate.txt names it. */
    private void gdeltPublishes(int n) {
        server.publish(slot(n), export(n));
    }

    /** File {@code n} is served but no longer the latest. */
    private void gdeltHas(int n) {
        server.put(name(n), export(n));
    }

    private FollowSettings settings(URI updateList) {
        return FollowSettings.defaults(updateList, stateDir)
                .withPoll(Duration.ofMillis(50))
                .withHeartbeats(Duration.ofHours(1), LAG)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withBackoff(QUICK);
    }

    private Follower follower(FollowSettings settings, Clock clock) {
        SourceSettings sources = SourceSettings.of(IncidentValidator.standard());
        return new Follower(settings, in -> Sources.open(in, Format.GDELT2, sources), sink, listener, clock);
    }

    /** A follower whose wall clock reads {@code wall}. */
    private Follower follower(Instant wall) {
        return follower(settings(server.updateList()), Clock.fixed(wall, ZoneOffset.UTC));
    }

    private Follower follower() {
        return follower(slot(8));
    }

    private static List<String> names(int... ns) {
        return Arrays.stream(ns).mapToObj(FollowerTest::name).toList();
    }

    private static List<String> ids(int... ns) {
        return Arrays.stream(ns).boxed().flatMap(n -> ExportFixtures.incidentIds(base(n)).stream()).toList();
    }

    private String lastFinished() {
        return new StateFile(stateDir).load().map(FollowState::lastFinished).orElse(null);
    }

    @Test
    void aNewExportFileIsPublishedOnceAndRemembered() throws Exception {
        Follower follower = follower();
        gdeltPublishes(0);
        follower.pollOnce();
        follower.pollOnce();
        assertEquals(names(0), sink.files(), "published once however often the list names it");
        assertEquals(ids(0), sink.ids(), "the paired rows as incidents; the unpaired row is not one");
        assertEquals(1, server.requests(name(0)));
        assertEquals(name(0), lastFinished());

        gdeltPublishes(1);
        follower.pollOnce();
        assertEquals(names(0, 1), sink.files());
        assertEquals(name(1), lastFinished());
        assertEquals(List.of(), listener.retried, "nothing went wrong");
    }

    @Test
    void theMinuteHeartbeatFollowsTheFirstFileAtOnceAtTheWallClockMinusTheLag() throws Exception {
        Instant wall = slot(0).plus(Duration.ofMinutes(22));
        gdeltPublishes(0);
        follower(wall).pollOnce();
        assertEquals(List.of(wall.minus(LAG)), sink.heartbeats());
        assertEquals(name(0), sink.sent.get(0).file(), "after the file, not before it");
    }

    @Test
    void aRestartResumesAfterTheLastFinishedFileAndFillsAGapOfTwoMissedFiles() throws Exception {
        gdeltPublishes(0);
        follower().pollOnce();
        // while the follower is down GDELT publishes 1, 2 and 3; lastupdate.txt names only 3
        gdeltHas(1);
        gdeltHas(2);
        gdeltPublishes(3);

        follower().pollOnce();

        assertEquals(names(0, 1, 2, 3), sink.files(), "the gap filled in order, nothing published twice");
        assertEquals(ids(0, 1, 2, 3), sink.ids());
        assertEquals(names(0, 1, 2, 3), server.requested().stream().filter(n -> n.contains(".export.")).toList(),
                "the missed files fetched at the URLs derived from the 15-minute names, oldest first");
        assertEquals(name(3), lastFinished());
    }

    @Test
    void aGapFileGdeltNeverPublishedIsReportedAndSkippedAfterRetries() throws Exception {
        Follower follower = follower();
        gdeltPublishes(0);
        follower.pollOnce();
        gdeltHas(2); // 1 never appears
        gdeltPublishes(3);

        follower.pollOnce();

        assertEquals(names(0, 2, 3), sink.files());
        assertEquals(3, server.requests(name(1)), "tried as often as the backoff allows");
        assertEquals(List.of(Kind.NOT_FOUND, Kind.NOT_FOUND), listener.retriedKinds());
        assertEquals(List.of(name(1) + ": GDELT never published it (404 after 3 attempts)"), listener.skipped);
        assertEquals(name(3), lastFinished());
    }

    @Test
    void aFileTheUpdateListNamesButTheServerLacksIsNotSkippedButTriedAgainNextPoll() throws Exception {
        Follower follower = follower();
        gdeltPublishes(0);
        server.remove(name(0));
        follower.pollOnce();
        assertEquals(List.of(), sink.files());
        assertEquals(List.of(), listener.skipped);
        assertEquals(Kind.NOT_FOUND, listener.deferred.get(0).kind());
        assertNull(lastFinished());

        gdeltHas(0);
        follower.pollOnce();
        assertEquals(names(0), sink.files());
    }

    @Test
    void aTruncatedZipIsRetriedAndReportedThenPublishedWhole() throws Exception {
        Follower follower = follower();
        gdeltPublishes(0);
        follower.pollOnce();
        gdeltHas(1);
        byte[] truncated = ExportFixtures.truncated(export(1));
        server.script(name(1), GdeltServer.body(truncated), GdeltServer.body(truncated));
        gdeltPublishes(2);

        follower.pollOnce();

        assertEquals(names(0, 1, 2), sink.files());
        assertEquals(ids(0, 1, 2), sink.ids(), "nothing of the truncated copies published, all of the whole one");
        assertEquals(List.of(Kind.CORRUPT, Kind.CORRUPT), listener.retriedKinds());
        assertTrue(listener.retried.get(0).message().contains("not a complete zip"), listener.retried.toString());
    }

    @Test
    void aFileCorruptOnEveryAttemptWaitsForTheNextPollWithoutAGap() throws Exception {
        Follower follower = follower();
        gdeltPublishes(0);
        byte[] truncated = ExportFixtures.truncated(export(0));
        server.script(name(0), GdeltServer.body(truncated), GdeltServer.body(truncated), GdeltServer.body(truncated));

        follower.pollOnce();
        assertEquals(List.of(), sink.files());
        assertEquals(Kind.CORRUPT, listener.deferred.get(0).kind());
        assertTrue(listener.deferred.get(0).message().contains("the update list says " + export(0).length),
                listener.deferred.toString());
        assertNull(lastFinished(), "not finished, so not forgotten");

        follower.pollOnce();
        assertEquals(names(0), sink.files());
    }

    @Test
    void anMd5MismatchWithTheUpdateListIsRetried() throws Exception {
        gdeltPublishes(0);
        byte[] changed = export(0).clone();
        changed[changed.length / 2] ^= 0x5a;
        server.script(name(0), GdeltServer.body(changed));

        follower().pollOnce();

        assertEquals(names(0), sink.files());
        assertEquals(List.of(Kind.CORRUPT), listener.retriedKinds());
        assertTrue(listener.retried.get(0).message().contains("MD5"), listener.retried.toString());
    }

    @Test
    void aSlowResponseTimesOutAndIsRetried() throws Exception {
        gdeltPublishes(0);
        server.script(name(0), GdeltServer.delay(Duration.ofSeconds(10)));
        Follower follower = follower(settings(server.updateList()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1)),
                Clock.systemUTC());
        long start = System.nanoTime();

        follower.pollOnce();

        assertEquals(names(0), sink.files());
        assertEquals(List.of(Kind.UNAVAILABLE), listener.retriedKinds());
        assertTrue(listener.retried.get(0).message().contains("timed out"), listener.retried.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
                "gave up on the stalled response at the request timeout");
    }

    @Test
    void aServerErrorIsRetriedUntilTheFileComes() throws Exception {
        gdeltPublishes(0);
        server.script(name(0), GdeltServer.status(500));

        follower().pollOnce();

        assertEquals(names(0), sink.files());
        assertEquals(List.of(Kind.UNAVAILABLE), listener.retriedKinds());
        assertTrue(listener.retried.get(0).message().endsWith("HTTP 500"), listener.retried.toString());
    }

    @Test
    void anUnreachableServerIsReportedAndNotFatal() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/gdeltv2/lastupdate.txt");
        Follower follower = follower(settings(nowhere), Clock.systemUTC());

        follower.pollOnce();

        assertEquals(List.of(), sink.files());
        assertEquals(List.of(Kind.UNAVAILABLE, Kind.UNAVAILABLE), listener.retriedKinds());
        assertEquals(Kind.UNAVAILABLE, listener.deferred.get(0).kind());
        assertTrue(listener.deferred.get(0).message().contains("cannot connect"), listener.deferred.toString());
    }

    @Test
    void runHeartbeatsNeverAheadOfFilesStillToPublishAndStopsBetweenFiles() throws Exception {
        gdeltPublishes(0);
        follower(slot(0).plus(LAG).plusSeconds(60)).pollOnce();
        sink.sent.clear();
        gdeltHas(1);
        gdeltHas(2);
        gdeltPublishes(3);
        Instant wall = slot(3).plus(Duration.ofMinutes(45));
        Follower follower = follower(settings(server.updateList()).withHeartbeats(Duration.ofMillis(1), LAG),
                Clock.fixed(wall, ZoneOffset.UTC));

        Thread run = new Thread(follower::run, "follower");
        run.start();
        KafkaAwait.until("a heartbeat at the wall clock minus the lag", Duration.ofSeconds(10),
                () -> sink.heartbeats().contains(wall.minus(LAG)));
        follower.stop();
        run.join(5_000);

        assertFalse(run.isAlive(), "stopped");
        assertEquals(names(1, 2, 3), sink.files());
        List<Instant> heartbeats = sink.heartbeats();
        assertEquals(wall.minus(LAG), heartbeats.get(heartbeats.size() - 1));
        List<Instant> published = new ArrayList<>(); // event times of the files published so far, in order
        for (RecordingSink.Sent s : sink.sent) {
            if (s.file() != null) {
                published.add(ExportFile.timeOf(s.file()).orElseThrow());
                continue;
            }
            int sentSoFar = published.size();
            Instant latest = sentSoFar == 0 ? slot(0) : published.get(sentSoFar - 1);
            assertFalse(s.heartbeat().isBefore(latest), "never behind an event published: " + sink.sent);
            if (sentSoFar < 3) {
                assertFalse(s.heartbeat().isAfter(slot(sentSoFar + 1)), "never past a file still to publish: " + sink.sent);
            }
        }
        assertEquals(name(3), lastFinished());
    }

    @Test
    void stopAbandonsADownloadInProgressWithoutPublishingOrForgettingIt() throws Exception {
        gdeltPublishes(0);
        server.script(name(0), GdeltServer.delay(Duration.ofSeconds(10)));
        Follower follower = follower(settings(server.updateList()).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)),
                Clock.systemUTC());
        Thread run = new Thread(follower::run, "follower");
        run.start();
        KafkaAwait.until("the download to start", Duration.ofSeconds(10), () -> server.requests(name(0)) == 1);
        follower.stop();
        run.join(5_000);

        assertFalse(run.isAlive(), "stopped without waiting for the stalled response");
        assertEquals(List.of(), sink.files());
        assertEquals(List.of(), listener.retried, "stopping is not a failure");
        assertNull(lastFinished());
    }

    @Test
    void anInterruptStopsTheFollowerBetweenFiles() throws Exception {
        gdeltPublishes(0);
        Follower follower = follower();
        Thread run = new Thread(follower::run, "follower");
        run.start();
        KafkaAwait.until("the first file", Duration.ofSeconds(10), () -> sink.files().size() == 1);
        run.interrupt();
        run.join(5_000);

        assertFalse(run.isAlive(), "stopped");
        assertEquals(name(0), lastFinished());
        assertEquals(names(0), sink.files());
    }
}
