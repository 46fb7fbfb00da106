package io.github.escmon.producer.acled;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Country name → ISO 3166 alpha-3 code: the English names Java knows ({@link Locale#getDisplayCountry} and
 * {@link Locale#getISO3Country} for every {@link Locale#getISOCountries() ISO country}), then the alias table
 * {@code acled/country-aliases.csv} for ACLED's spellings ("Democratic Republic of Congo", "eSwatini", "Ivory
 * Coast"...) and for names a newer JDK may change. Names match ignoring case, accents, "the", "&" for "and",
 * "St." for "Saint", and punctuation.
 */
final class Countries {

    static final String ALIASES = "/acled/country-aliases.csv";

    private static final Countries STANDARD = load();

    private final Map<String, String> iso3ByKey;
    private final Set<String> iso3Codes;

    private Countries(Map<String, String> iso3ByKey) {
        this.iso3ByKey = Map.copyOf(iso3ByKey);
        this.iso3Codes = Set.copyOf(iso3ByKey.values());
    }

    /** The alpha-3 code of a country name, if it is one. */
    static Optional<String> iso3(String name) {
        return Optional.ofNullable(STANDARD.iso3ByKey.get(key(name)));
    }

    /** Whether a code is some country's alpha-3 code (a derived actor code must not look like one). */
    static boolean isIso3(String code) {
        return STANDARD.iso3Codes.contains(code);
    }

    /** A name reduced to what tells countries apart: "St. Vincent & Grenadines" → "saint vincent and grenadines". */
    static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("\\bst\\.", "saint ")
                .replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", " ");
        return (" " + s + " ").replace(" the ", " ").strip().replaceAll(" +", " ");
    }

    private static Countries load() {
        Map<String, String> byKey = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = new Locale("", alpha2);
            String iso3;
            try {
                iso3 = locale.getISO3Country();
            } catch (MissingResourceException e) {
                continue;
            }
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            byKey.put(key(name), iso3);
            int paren = name.indexOf(" (");
            if (paren > 0) {
                byKey.putIfAbsent(key(name.substring(0, paren)), iso3);
            }
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (InputStream in = Objects.requireNonNull(Countries.class.getResourceAsStream(ALIASES), ALIASES);
             MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                byKey.put(key(row.get("name")), row.get("iso3"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ALIASES, e);
        }
        return new Countries(byKey);
    }
}
