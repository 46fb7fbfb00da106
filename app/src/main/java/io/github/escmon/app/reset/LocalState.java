package io.github.escmon.app.reset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The Kafka Streams state of one application on this host: {@code state.dir/<application.id>}, what
 * {@code KafkaStreams.cleanUp()} removes.
 */
public record LocalState(Path dir) {

    /** The application's state directory under {@code stateDir}; refuses ids that would leave it. */
    public static LocalState of(Path stateDir, String applicationId) {
        // Kafka's own rule for application ids (and so for topic names), minus "." and "..", which are paths
        if (!applicationId.matches("[A-Za-z0-9._-]+") || applicationId.equals(".") || applicationId.equals("..")) {
            throw new IllegalArgumentException("application.id: letters, digits, '.', '_' and '-' only, got '" + applicationId + "'");
        }
        Path base = stateDir.toAbsolutePath().normalize();
        return new LocalState(base.resolve(applicationId));
    }

    public boolean exists() {
        return Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
    }

    /** Deletes the directory and everything in it; a symbolic link inside is removed, never followed. */
    public void delete() throws IOException {
        if (!exists()) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
