package io.github.escmon.producer.follow;

import io.github.escmon.producer.follow.FetchException.Kind;
import io.github.escmon.producer.publish.PublishReport;
import io.github.escmon.producer.source.RowReader;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows GDELT 2.0 live: every poll reads the update list, then fetches and publishes, oldest first, every
 * export file after the last one finished up to the latest the list names. The URLs of files in between (missed
 * while stopped, or between polls) are derived from the 15-minute naming scheme. Each file is published whole
 * and then recorded in the {@link StateFile}, so a restart goes on after the last file finished: a file is
 * published again only if the follower stopped while publishing it, and event ids are idempotent downstream.
 *
 * <p>Downloads are retried with {@link Backoff}; a file that still fails waits for the next poll (nothing after
 * it is published before it). Two failures end in a skip, reported: a 404 for a derived gap file (GDELT never
 * published it) and a file still corrupt after {@link FollowSettings#corruptPollsToSkip()} polls. Network
 * failures are never fatal; failures to publish to Kafka or to write the state file are.
 *
 * <p>Besides the per-tick heartbeats of file publishing, a heartbeat at {@link LiveHeartbeat}'s time goes to
 * every partition every {@link FollowSettings#heartbeatEvery()} of wall-clock time. One thread does all of it,
 * so records go out in order. {@link #stop()} (or an interrupt) ends {@link #run()} between files.
 */
public final class Follower {

    private static final Logger LOG = LoggerFactory.getLogger(Follower.class);

    private final FollowSettings settings;
    private final ExportFetcher fetcher;
    private final Function<BufferedReader, RowReader> rowSource;
    private final FollowSink sink;
    private final FollowListener listener;
    private final LiveHeartbeat heartbeat;
    private final StateFile stateFile;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final Map<String, Integer> corruptPolls = new HashMap<>();

    /** null until the first file is finished. */
    private FollowState state;
    /** The earliest export file known (or, after a restart, expected) and not finished yet; null when none. */
    private Instant pending;

    /**
     * @param rowSource reads a decompressed export as rows (in production: {@code Sources.open(in, GDELT2, settings)})
     * @param clock     the wall clock that heartbeat times derive from
     */
    public Follower(FollowSettings settings, Function<BufferedReader, RowReader> rowSource, FollowSink sink,
                    FollowListener listener, Clock clock) {
        this.settings = settings;
        this.fetcher = new ExportFetcher(settings.connectTimeout(), settings.requestTimeout());
        this.rowSource = rowSource;
        this.sink = sink;
        this.listener = listener;
        this.heartbeat = new LiveHeartbeat(sink, clock, settings.heartbeatEvery(), settings.heartbeatLag());
        this.stateFile = new StateFile(settings.stateDir());
        this.state = stateFile.load().orElse(null);
        this.pending = state == null ? null : state.lastFinishedTime().plus(ExportFile.INTERVAL);
    }

    /** The state as last saved, or null before the first file is finished. */
    public FollowState state() {
        return state;
    }

    /** Asks {@link #run()} to return; it does so between files (a download in progress is abandoned). */
    public void stop() {
        stopRequested.countDown();
        stopping.complete(null);
    }

    /** Polls every {@link FollowSettings#poll()} until {@link #stop()} or an interrupt, heartbeating meanwhile. */
    public void run() {
        LOG.info("Following {} every {}; {}", settings.updateList(), text(settings.poll()), state == null
                ? "no state in " + stateFile.path() + " yet: starting with GDELT's latest export file"
                : "resuming after " + state.lastFinished() + " (state in " + stateFile.path() + ")");
        try {
            while (true) {
                long nextPoll = System.nanoTime() + settings.poll().toNanos();
                poll();
                heartbeatIfDue();
                pauseUntil(nextPoll);
            }
        } catch (Stopped e) {
            LOG.info("Stopped following{}", lastFinishedText());
        } catch (InterruptedException | InterruptException e) {
            Thread.currentThread().interrupt();
            LOG.info("Interrupted: stopped following{}", lastFinishedText());
        }
    }

    /** One poll, as {@link #run()} does it between pauses; returns early if {@link #stop()} was called. */
    public void pollOnce() throws InterruptedException {
        try {
            poll();
        } catch (Stopped e) {
            // as asked
        }
    }

    private void poll() throws Stopped, InterruptedException {
        URI list = settings.updateList();
        ExportFile latest;
        try {
            latest = withRetries("update list " + list, () -> {
                String text = fetcher.text(list, stopping);
                try {
                    return UpdateList.latestExport(text, list);
                } catch (IllegalArgumentException e) {
                    throw new FetchException(Kind.CORRUPT, list + ": " + e.getMessage(), e);
                }
            });
        } catch (FetchException e) {
            defer("update list " + list, e, "check the network and --url");
            return;
        }
        List<ExportFile> due = state == null ? List.of(latest) : latest.since(state.lastFinishedTime());
        if (due.size() > 1) {
            LOG.info("{} export files to fetch: {} to {}", due.size(), due.get(0).name(), latest.name());
        }
        pending = due.isEmpty() ? null : due.get(0).time();
        for (int i = 0; i < due.size(); i++) {
            checkStop();
            if (!fetchAndPublish(due.get(i), i == due.size() - 1)) {
                return;
            }
            pending = i + 1 < due.size() ? due.get(i + 1).time() : null;
            heartbeatIfDue();
        }
    }

    /** @return false when the file could not be had in this poll: it and those after it wait for the next poll */
    private boolean fetchAndPublish(ExportFile file, boolean listed) throws Stopped, InterruptedException {
        byte[] csv;
        try {
            csv = withRetries(file.name(), () -> fetcher.export(file, stopping));
        } catch (FetchException e) {
            int attempts = settings.backoff().attempts();
            if (e.kind() == Kind.NOT_FOUND && !listed) {
                skip(file, "GDELT never published it (404 after " + attempts + " attempts)");
                return true;
            }
            if (e.kind() == Kind.CORRUPT
                    && corruptPolls.merge(file.name(), 1, Integer::sum) >= settings.corruptPollsToSkip()) {
                skip(file, "still corrupt after " + settings.corruptPollsToSkip() + " polls of " + attempts
                        + " attempts (" + e.getMessage() + ")");
                return true;
            }
            defer(file.name(), e, switch (e.kind()) {
                case NOT_FOUND -> "the update list names it but the server does not have it yet";
                case CORRUPT -> "GDELT may be rewriting it; after " + settings.corruptPollsToSkip()
                        + " polls it is skipped";
                case UNAVAILABLE -> "check the network, a proxy, or whether " + file.uri().getHost() + " is up";
            });
            return false;
        }
        corruptPolls.remove(file.name());
        publish(file, csv);
        return true;
    }

    private void publish(ExportFile file, byte[] csv) {
        var in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        PublishReport report;
        try (EventTimeTracking rows = new EventTimeTracking(rowSource.apply(in))) {
            report = sink.publish(file, rows);
            finish(file, rows.latest());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // closing an in-memory reader
        }
        LOG.debug("{}: read {}, published {}, unpaired {}, invalid {}", file.name(), report.read(), report.published(),
                report.unpaired(), report.invalid());
        listener.published(file, report);
    }

    private void skip(ExportFile file, String reason) {
        finish(file, null);
        LOG.warn("{}: {}; skipped it and went on. If it turns up later, download {} and publish it with "
                + "'escmon produce FILE' (event ids are idempotent downstream)", file.name(), reason, file.uri());
        listener.skipped(file, reason);
    }

    private void defer(String what, FetchException e, String hint) {
        LOG.warn("{}; gave up on the {} for this poll after {} attempts and will try again in {}: {}", e.getMessage(),
                what, settings.backoff().attempts(), text(settings.poll()), hint);
        listener.deferred(what, e);
    }

    private void finish(ExportFile file, Instant latestEvent) {
        Instant latest = state == null ? null : state.latestEventTime();
        if (latestEvent != null && (latest == null || latestEvent.isAfter(latest))) {
            latest = latestEvent;
        }
        FollowState next = new FollowState(file.name(), latest);
        stateFile.save(next);
        state = next;
    }

    private <T> T withRetries(String what, Fetch<T> fetch) throws FetchException, Stopped, InterruptedException {
        Backoff backoff = settings.backoff();
        for (int attempt = 1; ; attempt++) {
            checkStop();
            try {
                return fetch.get();
            } catch (FetchException e) {
                if (attempt >= backoff.attempts()) {
                    throw e;
                }
                Duration wait = backoff.after(attempt);
                LOG.warn("{} (attempt {} of {}); trying again in {}", e.getMessage(), attempt, backoff.attempts(),
                        text(wait));
                listener.retrying(what, e, attempt, wait);
                pauseUntil(System.nanoTime() + wait.toNanos());
            }
        }
    }

    /** Waits until {@code deadline} (nanoTime), sending heartbeats as they come due; throws if asked to stop. */
    private void pauseUntil(long deadline) throws Stopped, InterruptedException {
        while (true) {
            heartbeatIfDue();
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return;
            }
            long wake = heartbeat.dueAt() - deadline < 0 ? heartbeat.dueAt() : deadline;
            if (stopRequested.await(Math.max(0, wake - now), TimeUnit.NANOSECONDS)) {
                throw new Stopped();
            }
        }
    }

    private void heartbeatIfDue() {
        heartbeat.beatIfDue(state == null ? null : state.latestEventTime(), pending);
    }

    private void checkStop() throws Stopped, InterruptedException {
        if (stopRequested.getCount() == 0) {
            throw new Stopped();
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** 15m, 30s, 250 ms. */
    static String text(Duration d) {
        long ms = d.toMillis();
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms >= 1_000 && ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + " ms";
    }

    private String lastFinishedText() {
        return state == null ? "" : "; the last file finished is " + state.lastFinished();
    }

    @FunctionalInterface
    private interface Fetch<T> {
        T get() throws FetchException, InterruptedException, Stopped;
    }
}
