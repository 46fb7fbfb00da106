package io.github.escmon.app.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code COPY} instruction of a Dockerfile (shell form, flags such as {@code --from=build} or {@code --chown}
 * before the paths; the JSON form is not used here).
 *
 * @param from        the stage or image named by {@code --from}, or null for the build context
 * @param sources     the paths copied, relative to the build context (or to the {@code from} stage's root)
 * @param destination the path in the image
 */
record DockerfileCopy(String from, List<String> sources, String destination) {

    /** Every {@code COPY} of {@code dockerfile}, in order; lines continued with a backslash are joined first. */
    static List<DockerfileCopy> parse(Path dockerfile) throws IOException {
        List<DockerfileCopy> copies = new ArrayList<>();
        for (String instruction : instructions(Files.readAllLines(dockerfile))) {
            String[] words = instruction.trim().split("\\s+");
            if (words[0].equalsIgnoreCase("COPY")) {
                copies.add(of(Arrays.asList(words).subList(1, words.length)));
            }
        }
        return copies;
    }

    /**
     * Where a copied source lands: a destination ending in {@code /} is a directory that keeps the file's name.
     */
    String target(String source) {
        if (!destination.endsWith("/")) {
            return destination;
        }
        return destination + Path.of(source).getFileName();
    }

    private static DockerfileCopy of(List<String> arguments) {
        String from = null;
        int first = 0;
        while (first < arguments.size() && arguments.get(first).startsWith("--")) {
            String flag = arguments.get(first);
            if (flag.startsWith("--from=")) {
                from = flag.substring("--from=".length());
            }
            first++;
        }
        List<String> paths = arguments.subList(first, arguments.size());
        if (paths.size() < 2) {
            throw new IllegalArgumentException("COPY needs a source and a destination: COPY " + String.join(" ", arguments));
        }
        return new DockerfileCopy(from, List.copyOf(paths.subList(0, paths.size() - 1)), paths.get(paths.size() - 1));
    }

    private static List<String> instructions(List<String> lines) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            instructions.add(current.toString());
            current.setLength(0);
        }
        if (current.length() > 0) {
            instructions.add(current.toString());
        }
        return instructions;
    }
}
