package io.github.escmon.app.cli;

import io.github.escmon.app.config.EscmonConfig;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to read an input file: its format, detected unless given. */
public final class SourceOptions {

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Input format: ${COMPLETION-CANDIDATES} (default: detected from the file name or first line).")
    Format format;

    public RowReader open(Path file, EscmonConfig config) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file + ": no such file or not readable");
        }
        return Sources.open(file, format, config.sourceSettings());
    }
}
