package io.github.escmon.producer.follow;

import io.github.escmon.producer.publish.PublishReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Captures what the follower reports: skipped files, retried and deferred failures. */
final class RecordingListener implements FollowListener {

    record Failure(String what, FetchException.Kind kind, String message) {
    }

    final List<String> published = new CopyOnWriteArrayList<>();
    final List<String> skipped = new CopyOnWriteArrayList<>();
    final List<Failure> retried = new CopyOnWriteArrayList<>();
    final List<Failure> deferred = new CopyOnWriteArrayList<>();

    @Override
    public void published(ExportFile file, PublishReport report) {
        published.add(file.name());
    }

    @Override
    public void skipped(ExportFile file, String reason) {
        skipped.add(file.name() + ": " + reason);
    }

    @Override
    public void retrying(String what, FetchException failure, int attempt, Duration wait) {
        retried.add(new Failure(what, failure.kind(), failure.getMessage()));
    }

    @Override
    public void deferred(String what, FetchException failure) {
        deferred.add(new Failure(what, failure.kind(), failure.getMessage()));
    }

    List<FetchException.Kind> retriedKinds() {
        return retried.stream().map(Failure::kind).toList();
    }
}
