package io.github.escmon.app.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a workload as JSON Lines (UTF-8, one record a line), readable by {@code escmon produce} and {@code backtest}. */
public final class WorkloadFile {

    private WorkloadFile() {
    }

    /** Writes every remaining record of {@code records} to {@code file}; returns how many. */
    public static long write(WorkloadGenerator records, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return write(records, out);
        }
    }

    public static long write(WorkloadGenerator records, Writer out) throws IOException {
        long n = 0;
        while (records.hasNext()) {
            out.write(records.next().line());
            out.write('\n');
            n++;
        }
        out.flush();
        return n;
    }
}
