package io.github.escmon.producer.follow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * GDELT 2.0's {@code lastupdate.txt}: three lines "SIZE MD5 URL" naming the latest export, mentions and gkg
 * zips. Only the export line matters here.
 */
public final class UpdateList {

    private UpdateList() {
    }

    /**
     * The export file the list names, with its size and MD5.
     *
     * @param listUri where the list came from, to resolve a relative URL
     * @throws IllegalArgumentException when no line names an export file
     */
    public static ExportFile latestExport(String text, URI listUri) {
        for (String line : text.split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length != 3 || !parts[2].toLowerCase(Locale.ROOT).endsWith(".export.csv.zip")) {
                continue;
            }
            try {
                return ExportFile.at(listUri.resolve(new URI(parts[2])), Long.parseLong(parts[0]),
                        parts[1].toLowerCase(Locale.ROOT));
            } catch (URISyntaxException | NumberFormatException e) {
                throw new IllegalArgumentException("unreadable export line in the update list: '" + line.trim() + "'", e);
            }
        }
        throw new IllegalArgumentException("the update list names no .export.CSV.zip file; got: '"
                + abbreviate(text) + "'");
    }

    private static String abbreviate(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 120 ? t : t.substring(0, 120) + "…";
    }
}
