package io.github.escmon.app.docker;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's root: the nearest directory up from the working directory that holds the docker stack. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker/docker-compose.yml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docker/docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
