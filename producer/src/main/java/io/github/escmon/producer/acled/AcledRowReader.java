package io.github.escmon.producer.acled;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.LookaheadRows;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ACLED CSV export (header row first; columns by name, in any order, extra ones ignored) as rows:
 * each data row is one {@link Row}, numbered by the physical line it starts on (notes may span lines). How a
 * row becomes an incident is {@link AcledIncidents}; the CAMEO code, {@link EventTypeTable}; actor codes,
 * {@link ActorCodes}. See {@code acled/README.md} among the resources for the decisions and their reasons.
 */
public final class AcledRowReader extends LookaheadRows implements RowReader {

    private static final CsvMapper CSV = new CsvMapper();

    private final BufferedReader in;
    private final CsvRecords records;
    private final AcledIncidents incidents;
    /** Reads one record into column → value; null until the header is read. */
    private ObjectReader rowReader;
    private int columns;

    public AcledRowReader(BufferedReader in, SourceSettings settings) {
        this.in = in;
        this.records = new CsvRecords(in);
        this.incidents = new AcledIncidents(EventTypeTable.standard(), settings.validator());
    }

    @Override
    public Format format() {
        return Format.ACLED;
    }

    @Override
    public Map<String, String> derivedActorCodes() {
        return incidents.derivedCodes();
    }



    @Override
    protected Row readNext() {
        if (rowReader == null && !readHeader()) {
            return null;
        }
        CsvRecords.CsvRecord record = records.next();
        if (record == null) {
            return null;
        }
        Map<String, String> fields;
        try {
            fields = rowReader.readValue(record.text());
        } catch (JsonProcessingException e) {
            return new Row.Invalid(record.line(), "record", "record: not a CSV row of the header's " + columns
                    + " columns: " + firstLine(e.getOriginalMessage()), record.text());
        }
        return incidents.toRow(record.line(), new AcledRow(fields), record.text());
    }

    /** Reads the header; false when the input holds nothing. */
    private boolean readHeader() {
        CsvRecords.CsvRecord header = records.next();
        if (header == null) {
            return false;
        }
        String[] names;
        try {
            names = CSV.readerFor(String[].class).readValue(header.text());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(new IOException("line " + header.line() + ": the ACLED header row does not parse: "
                    + firstLine(e.getOriginalMessage()), e));
        }
        columns = names.length;
        rowReader = CSV.readerForMapOf(String.class)
                .with(CsvSchema.builder().addColumns(columnNames(names), CsvSchema.ColumnType.STRING).build())
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        return true;
    }

    /** Lower-case, trimmed names; a repeated name gets a suffix, so the first column of that name is the one read. */
    private static List<String> columnNames(String[] header) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().toLowerCase(Locale.ROOT);
            names.add(seen.add(name) ? name : name + "#" + (i + 1));
        }
        return names;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
