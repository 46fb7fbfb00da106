package io.github.escmon.producer.acled;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Splits CSV text into records (RFC 4180: a quoted field may hold commas, doubled quotes and line breaks),
 * each with the physical line number it starts on and its text as read, so that a bad record can be reported
 * where it is and as it is. Parsing the fields is left to Jackson, one record at a time, so that one broken
 * record never takes the rest of the file with it.
 *
 * <p>A quote opens a quoted field only at the start of a field, as in Jackson's parser. A quoted field still
 * open after {@link #MAX_RECORD_CHARS} characters or at the end of the input is taken as a stray quote: its
 * first line is returned alone (it will not parse, so it becomes an invalid row) and reading resumes on the
 * line after it, so one stray quote costs one row, not the rest of the file.
 */
final class CsvRecords {

    /** Far above any real ACLED row (notes run to a few thousand characters). */
    static final int MAX_RECORD_CHARS = 100_000;

    /** One record: the 1-based line it starts on and its text, lines joined with {@code \n}. */
    record CsvRecord(long line, String text) {
    }

    private final BufferedReader in;
    /** Lines read ahead and given back after a stray quote, with the line number of the first. */
    private final Deque<String> pushedBack = new ArrayDeque<>();
    private long nextLine = 1;

    CsvRecords(BufferedReader in) {
        this.in = in;
    }

    /** The next non-blank record, or null at the end of the input. */
    CsvRecord next() {
        String first;
        do {
            first = readLine();
            if (first == null) {
                return null;
            }
        } while (first.isBlank());
        long start = nextLine - 1;
        if (start == 1 && first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        QuoteState state = new QuoteState();
        state.scan(first);
        if (!state.inQuotes) {
            return new CsvRecord(start, first);
        }
        Deque<String> more = new ArrayDeque<>();
        StringBuilder text = new StringBuilder(first);
        String line;
        while (state.inQuotes && text.length() <= MAX_RECORD_CHARS && (line = readLine()) != null) {
            more.addLast(line);
            text.append('\n').append(line);
            state.scan(line);
        }
        if (state.inQuotes) {
            giveBack(more);
            return new CsvRecord(start, first);
        }
        return new CsvRecord(start, text.toString());
    }

    private String readLine() {
        if (!pushedBack.isEmpty()) {
            nextLine++;
            return pushedBack.pollFirst();
        }
        try {
            String line = in.readLine();
            if (line != null) {
                nextLine++;
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + nextLine, e);
        }
    }

    private void giveBack(Deque<String> lines) {
        nextLine -= lines.size();
        while (!lines.isEmpty()) {
            pushedBack.addFirst(lines.pollLast());
        }
    }

    /** Where a scan stands: inside a quoted field or not, and whether the next character starts a field. */
    private static final class QuoteState {
        boolean inQuotes;
        boolean atFieldStart = true;
        /** A quote just closed a quoted field, unless the next character is a quote too (an escaped quote). */
        boolean quoteJustSeen;

        void scan(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (inQuotes) {
                    if (quoteJustSeen) {
                        quoteJustSeen = false;
                        if (c == '"') {
                            continue;
                        }
                        inQuotes = false;
                        atFieldStart = c == ',';
                    } else if (c == '"') {
                        quoteJustSeen = true;
                    }
                } else if (c == ',') {
                    atFieldStart = true;
                } else {
                    if (c == '"' && atFieldStart) {
                        inQuotes = true;
                    }
                    atFieldStart = false;
                }
            }
            if (inQuotes && quoteJustSeen) {
                // the line ends right after a quote: it closed the field
                inQuotes = false;
                quoteJustSeen = false;
            }
        }
    }
}
