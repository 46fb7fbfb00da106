package io.github.escmon.producer.gdelt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.escmon.events.Codebook;
import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Inputs;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import io.github.escmon.producer.source.Sources;
import io.github.escmon.testkit.golden.Golden;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real GDELT file of the shared reference data ({@code ../shared/data/real}, skipped when absent): each
 * line is exactly one row, and few are invalid.
 */
class GdeltRealDataTest {

    /** Real exports have the odd broken row; more than this many means the reader misreads them. */
    private static final double MAX_INVALID_SHARE = 0.01;

    private final SourceSettings settings = SourceSettings.of(IncidentValidator.standard());
    private final Codebook codebook = Codebook.standard();

    private static Path real(String relative) {
        var path = Golden.shared("data/real/" + relative);
        assumeTrue(path.isPresent(), "shared reference data absent: data/real/" + relative);
        return path.get();
    }

    @Test
    void everyGdelt2ExportIsReadRowForRow() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(real("gdelt2"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".export.CSV.zip")).sorted().toList();
        }
        assumeTrue(!files.isEmpty(), "no GDELT 2.0 exports in data/real/gdelt2");
        Tally tally = new Tally("gdelt2 (" + files.size() + " files)");
        for (Path file : files) {
            long lines = nonEmptyLines(file);
            long before = tally.rows();
            try (RowReader rows = Sources.open(file, null, settings)) {
                assertEquals(Format.GDELT2, rows.format(), file.toString());
                rows.forEachRemaining(tally);
            }
            assertEquals(lines, tally.rows() - before, file + ": one row per line");
        }
        tally.print();
        tally.assertFewInvalid();
        assertTrue(tally.valid > 0);
    }

    @Test
    void theGdelt1ReExportIsReadRowForRowWithAndWithoutItsHeader() throws IOException {
        Path data = real("gdelt1-usa-chn-2018.csv");
        Path header = real("gdelt1-usa-chn-2018.header.csv");
        long lines = nonEmptyLines(data);

        Tally positional = new Tally("gdelt1-usa-chn-2018.csv");
        List<Incident> byPosition = new ArrayList<>();
        try (RowReader rows = Sources.open(data, Format.GDELT1, settings)) {
            rows.forEachRemaining(positional.and(byPosition));
        }
        Tally named = new Tally("header.csv + gdelt1-usa-chn-2018.csv");
        List<Incident> byName = new ArrayList<>();
        try (var in = new SequenceInputStream(Files.newInputStream(header), Files.newInputStream(data));
             RowReader rows = Sources.open(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                     Format.GDELT1, settings)) {
            rows.forEachRemaining(named.and(byName));
        }
        positional.print();
        named.print();

        assertEquals(lines, positional.rows());
        assertEquals(lines, named.rows());
        positional.assertFewInvalid();
        assertEquals(byPosition, byName, "the header names the columns where the official layout has them");
        long weightMismatches = byPosition.stream()
                .filter(i -> i.goldstein() != null && codebook.goldstein(i.cameo()).orElse(Double.NaN) != i.goldstein())
                .count();
        System.out.println("  restored CAMEO codes whose table weight differs from GoldsteinScale: " + weightMismatches);
        assertEquals(0, weightMismatches, "a restored code has the weight GDELT gave its event");
        assertTrue(byPosition.stream().allMatch(i -> i.cameo().length() >= 2 && codebook.goldstein(i.cameo()).isPresent()));
    }

    private static long nonEmptyLines(Path file) throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(Inputs.open(file), StandardCharsets.UTF_8))) {
            return in.lines().filter(l -> !l.isEmpty()).count();
        }
    }

    /** Counts rows by kind, and invalid rows by field. */
    private static final class Tally implements Consumer<Row> {

        private final String name;
        private long valid;
        private long unpaired;
        private long invalid;
        private final Map<String, Long> reasons = new TreeMap<>();
        private final Map<String, String> examples = new TreeMap<>();

        Tally(String name) {
            this.name = name;
        }

        @Override
        public void accept(Row row) {
            if (row instanceof Row.Invalid i) {
                invalid++;
                reasons.merge(i.field(), 1L, Long::sum);
                examples.putIfAbsent(i.field(), "line " + i.line() + ": " + i.reason());
            } else if (row instanceof Row.Unpaired) {
                unpaired++;
            } else {
                valid++;
            }
        }

        Consumer<Row> and(List<Incident> incidents) {
            return row -> {
                accept(row);
                if (row instanceof Row.Valid v && v.record() instanceof Incident incident) {
                    incidents.add(incident);
                }
            };
        }

        long rows() {
            return valid + unpaired + invalid;
        }

        void print() {
            System.out.printf("%s: rows %d, valid %d, unpaired %d, invalid %d%n", name, rows(), valid, unpaired, invalid);
            reasons.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .forEach(e -> System.out.printf("  invalid %s: %d (e.g. %s)%n", e.getKey(), e.getValue(), examples.get(e.getKey())));
        }

        void assertFewInvalid() {
            assertTrue(invalid <= MAX_INVALID_SHARE * rows(), name + ": " + invalid + " of " + rows() + " rows invalid: "
                    + reasons.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
    }
}
