package io.github.escmon.producer.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Opens a source file as published: plain, gzip ({@code .gz}) or a zip holding one file ({@code .zip}). */
public final class Inputs {

    private Inputs() {
    }

    public static InputStream open(Path file) throws IOException {
        return decompress(file.getFileName().toString(), Files.newInputStream(file));
    }

    /** Wraps {@code raw} by the compression its name says; a zip yields its first file. */
    public static InputStream decompress(String name, InputStream raw) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (lower.endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        if (lower.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry = zip.getNextEntry();
            while (entry != null && entry.isDirectory()) {
                entry = zip.getNextEntry();
            }
            if (entry == null) {
                zip.close();
                throw new IOException(name + ": the zip archive holds no file");
            }
            return zip;
        }
        return in;
    }

    /** The name without its compression suffix: {@code 20240118.export.CSV.zip} → {@code 20240118.export.CSV}. */
    public static String baseName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            return name.substring(0, name.length() - 3);
        }
        if (lower.endsWith(".zip")) {
            return name.substring(0, name.length() - 4);
        }
        return name;
    }
}
