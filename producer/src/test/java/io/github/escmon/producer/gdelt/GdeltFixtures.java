package io.github.escmon.producer.gdelt;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.escmon.events.Codebook;
import io.github.escmon.events.Incident;
import io.github.escmon.events.IncidentValidator;
import io.github.escmon.events.Json;
import io.github.escmon.producer.source.Format;
import io.github.escmon.producer.source.Row;
import io.github.escmon.producer.source.RowReader;
import io.github.escmon.producer.source.SourceSettings;
import io.github.escmon.producer.source.SourceSettings.ActorLevel;
import io.github.escmon.producer.source.Sources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The GDELT test fixtures (under {@code /gdelt} on the test classpath) read with a fixed clock. */
final class GdeltFixtures {

    /** After every fixture row but one, which is a month later. */
    static final Instant NOW = Instant.parse("2024-02-01T00:00:00Z");

    private GdeltFixtures() {
    }

    static SourceSettings settings(ActorLevel level) {
        var validator = new IncidentValidator(Codebook.standard(), Clock.fixed(NOW, ZoneOffset.UTC),
                IncidentValidator.DEFAULT_MAX_FUTURE);
        return new SourceSettings(validator, level);
    }

    static List<Row> read(String resource, Format format, ActorLevel level) {
        InputStream in = Objects.requireNonNull(GdeltFixtures.class.getResourceAsStream("/gdelt/" + resource), resource);
        return readAll(Sources.open(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                format, settings(level)));
    }

    static List<Row> readText(String text, Format format) {
        return readAll(Sources.open(new BufferedReader(new StringReader(text)), format, settings(ActorLevel.COUNTRY)));
    }

    static List<Row> readAll(RowReader reader) {
        List<Row> rows = new ArrayList<>();
        try (reader) {
            reader.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Row line(List<Row> rows, long line) {
        return rows.stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no row for line " + line + " in " + rows));
    }

    static Incident incident(List<Row> rows, long line) {
        Row row = line(rows, line);
        if (row instanceof Row.Valid valid && valid.record() instanceof Incident incident) {
            return incident;
        }
        throw new AssertionError("line " + line + " is not an incident: " + row);
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(List<Row> rows, Class<? extends Row> kind) {
        return rows.stream().filter(kind::isInstance).count();
    }
}
