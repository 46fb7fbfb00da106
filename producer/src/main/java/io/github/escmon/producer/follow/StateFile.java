package io.github.escmon.producer.follow;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;

/**
 * The follower's state as a small properties file, {@code follow.properties} in the state directory:
 *
 * <pre>
 * last-finished=20240118011500.export.CSV.zip
 * latest-event-time=2024-01-18T01:15:00Z
 * </pre>
 *
 * Written to a temporary file in the same directory, forced to disk, then moved over the old one in one
 * atomic rename: a crash leaves either the old state or the new one, never a torn file.
 */
public final class StateFile {

    public static final String NAME = "follow.properties";
    static final String LAST_FINISHED = "last-finished";
    static final String LATEST_EVENT_TIME = "latest-event-time";

    private final Path file;

    public StateFile(Path dir) {
        this.file = dir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The saved state, or empty when there is none yet. */
    public Optional<FollowState> load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the follow state " + file, e);
        }
        String last = p.getProperty(LAST_FINISHED, "").trim();
        if (ExportFile.timeOf(last).isEmpty()) {
            throw new IllegalStateException(file + ": " + LAST_FINISHED + " is not an export file name ('" + last
                    + "'); fix it, or delete the file to start again from GDELT's latest file");
        }
        String latest = p.getProperty(LATEST_EVENT_TIME, "").trim();
        try {
            return Optional.of(new FollowState(last, latest.isEmpty() ? null : Instant.parse(latest)));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + ": " + LATEST_EVENT_TIME + " is not a time ('" + latest
                    + "'); fix it, or delete the line", e);
        }
    }

    public void save(FollowState state) {
        StringBuilder text = new StringBuilder()
                .append("# escmon produce --gdelt-follow: the last GDELT export file finished (published, or skipped as never\n")
                .append("# published); a restart goes on with the file after it. Delete this file to start from the latest.\n")
                .append(LAST_FINISHED).append('=').append(state.lastFinished()).append('\n');
        if (state.latestEventTime() != null) {
            text.append(LATEST_EVENT_TIME).append('=').append(state.latestEventTime()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(NAME + ".tmp");
            // a FileOutputStream, not a channel: an interrupt (the follower's stop signal) must not abort the write
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.getFD().sync();
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the follow state " + file, e);
        }
    }
}
