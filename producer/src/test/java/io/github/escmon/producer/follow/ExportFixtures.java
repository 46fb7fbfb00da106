package io.github.escmon.producer.follow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small GDELT 2.0 events exports as GDELT publishes them: a zip holding one headerless, tab-separated CSV of
 * 61 columns (shared/data/cameo/GDELT_2.0_Events_Column_Labels.csv), DATEADDED the file's time.
 */
final class ExportFixtures {

    static final int COLUMNS = 61;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private ExportFixtures() {
    }

    /** Iran's military attacks Pakistan (CAMEO 190, Goldstein -10): a row that pairs two countries. */
    static String hostileRow(long id, Instant dateAdded) {
        String[] c = blankRow(id, dateAdded);
        actor(c, 5, "IRNMIL", "IRAN", "IRN", "MIL");
        actor(c, 15, "PAKMIL", "PAKISTAN", "PAK", "MIL");
        event(c, "190", "190", "19", "4", "-10.0");
        geo(c, 51, "4", "Panjgur, Balochistan, Pakistan", "PK", "PK02", "", "26.9644", "64.0903", "-2771947");
        return String.join("\t", c);
    }

    /** Pakistan's government makes a statement about Iran (CAMEO 010): a cooperative-neutral paired row. */
    static String statementRow(long id, Instant dateAdded) {
        String[] c = blankRow(id, dateAdded);
        actor(c, 5, "PAKGOV", "PAKISTAN", "PAK", "GOV");
        actor(c, 15, "IRN", "IRAN", "IRN", "");
        event(c, "010", "010", "01", "1", "0.0");
        geo(c, 51, "1", "Pakistan", "PK", "PK", "", "30", "70", "PK");
        return String.join("\t", c);
    }

    /** Police in no named country arrest someone: names no pair of actors. */
    static String unpairedRow(long id, Instant dateAdded) {
        String[] c = blankRow(id, dateAdded);
        actor(c, 5, "COP", "POLICE", "", "COP");
        event(c, "173", "173", "17", "4", "-5.0");
        return String.join("\t", c);
    }

    /** Three rows for the file of {@code time}: two paired, one unpaired; ids {@code base}, +1, +2. */
    static byte[] export(Instant time, long base) {
        return zip(time, hostileRow(base, time), statementRow(base + 1, time), unpairedRow(base + 2, time));
    }

    /** The same bytes every time for the same rows (the entry is stamped with the file's time, not now). */
    private static byte[] zip(Instant time, String... rows) {
        String name = ExportFile.nameAt(time);
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(name.substring(0, name.length() - ".zip".length()));
            entry.setTime(time.toEpochMilli());
            zip.putNextEntry(entry);
            zip.write((String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] truncated(byte[] zip) {
        return Arrays.copyOf(zip, zip.length / 2);
    }

    /** The ids {@code gdelt-base}, +1: the paired rows of {@link #export}. */
    static List<String> incidentIds(long base) {
        return List.of("gdelt-" + base, "gdelt-" + (base + 1));
    }

    private static String[] blankRow(long id, Instant dateAdded) {
        String[] c = new String[COLUMNS];
        Arrays.fill(c, "");
        LocalDateTime t = LocalDateTime.ofInstant(dateAdded, ZoneOffset.UTC);
        c[0] = Long.toString(id);
        c[1] = STAMP.format(t).substring(0, 8);
        c[2] = STAMP.format(t).substring(0, 6);
        c[3] = Integer.toString(t.getYear());
        c[4] = String.format("%.4f", t.getYear() + (t.getMonthValue() * 30 + t.getDayOfMonth()) / 365.0);
        c[25] = "1";
        c[31] = "8";
        c[32] = "3";
        c[33] = "8";
        c[34] = "-4.5";
        c[59] = STAMP.format(t);
        c[60] = "https://news.example.org/" + id;
        return c;
    }

    private static void actor(String[] c, int at, String code, String name, String country, String type) {
        c[at] = code;
        c[at + 1] = name;
        c[at + 2] = country;
        c[at + 7] = type;
    }

    private static void event(String[] c, String code, String base, String root, String quad, String goldstein) {
        c[26] = code;
        c[27] = base;
        c[28] = root;
        c[29] = quad;
        c[30] = goldstein;
    }

    private static void geo(String[] c, int at, String... fields) {
        System.arraycopy(fields, 0, c, at, Math.min(fields.length, 8));
    }
}
