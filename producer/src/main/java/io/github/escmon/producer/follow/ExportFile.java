package io.github.escmon.producer.follow;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One GDELT 2.0 events export: {@code YYYYMMDDHHMMSS.export.CSV.zip}, published every 15 minutes at :00, :15,
 * :30 and :45 (UTC).
 *
 * @param time when the file's interval starts (its name), which is also the DATEADDED of its rows
 * @param size bytes as the update list gives them, -1 when unknown (a file derived to fill a gap)
 * @param md5  lower-case hex MD5 as the update list gives it, null when unknown
 */
public record ExportFile(Instant time, URI uri, long size, String md5) {

    /** GDELT publishes one export file every this long. */
    public static final Duration INTERVAL = Duration.ofMinutes(15);

    private static final String SUFFIX = ".export.CSV.zip";
    private static final Pattern NAME = Pattern.compile("(\\d{14})\\.export\\.CSV\\.zip", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** The file at {@code uri}, whose last path segment must be an export file name. */
    public static ExportFile at(URI uri, long size, String md5) {
        String name = lastSegment(uri);
        Instant time = timeOf(name).orElseThrow(() -> new IllegalArgumentException(
                "not a GDELT 2.0 export file name (YYYYMMDDHHMMSS.export.CSV.zip): " + name));
        return new ExportFile(time, uri, size, md5);
    }

    /** The time a name such as {@code 20240118011500.export.CSV.zip} stands for. */
    public static Optional<Instant> timeOf(String name) {
        var m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The name of the export file of {@code time}. */
    public static String nameAt(Instant time) {
        return STAMP.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC)) + SUFFIX;
    }

    public String name() {
        return lastSegment(uri);
    }

    /**
     * The files from just after {@code lastFinished} up to and including this one, oldest first: the ones
     * missed between the last file finished and this (the latest). Their URLs are this one's with the name
     * changed; their size and MD5 are unknown. Empty when this file is not newer than {@code lastFinished}.
     */
    public List<ExportFile> since(Instant lastFinished) {
        List<ExportFile> files = new ArrayList<>();
        long step = INTERVAL.toMillis();
        long t = (Math.floorDiv(lastFinished.toEpochMilli(), step) + 1) * step; // the next slot on the grid
        for (; t < time.toEpochMilli(); t += step) {
            Instant slot = Instant.ofEpochMilli(t);
            files.add(new ExportFile(slot, uri.resolve(nameAt(slot)), -1, null));
        }
        if (time.isAfter(lastFinished)) {
            files.add(this);
        }
        return files;
    }

    private static String lastSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return name();
    }
}
