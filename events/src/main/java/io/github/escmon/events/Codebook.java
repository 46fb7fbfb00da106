package io.github.escmon.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * CAMEO event code → Goldstein weight, from GDELT's public lookup table (shipped as a resource, see
 * {@code cameo/README.md}). A code that is not in the table falls back to its parent ({@code 1384 → 138 → 13}).
 */
public final class Codebook {

    private static final String RESOURCE = "/cameo/CAMEO.goldsteinscale.txt";
    private static volatile Codebook standard;

    private final Map<String, Double> weights;

    private Codebook(Map<String, Double> weights) {
        this.weights = Map.copyOf(weights);
    }

    /** GDELT's table as shipped with escmon; loaded once. */
    public static Codebook standard() {
        if (standard == null) {
            synchronized (Codebook.class) {
                if (standard == null) {
                    try (InputStream in = Objects.requireNonNull(Codebook.class.getResourceAsStream(RESOURCE), RESOURCE)) {
                        standard = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                }
            }
        }
        return standard;
    }

    /** Reads a tab- or space-separated table with a header line: code, weight. */
    public static Codebook read(InputStream in) throws IOException {
        Map<String, Double> table = new HashMap<>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.readLine();
        for (String line; (line = reader.readLine()) != null; ) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                table.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return new Codebook(table);
    }

    /** The Goldstein weight of a code, or of its nearest parent in the table; empty when none is. */
    public OptionalDouble goldstein(String code) {
        for (String c = code; c != null && !c.isEmpty(); c = c.substring(0, c.length() - 1)) {
            Double w = weights.get(c);
            if (w != null) {
                return OptionalDouble.of(w);
            }
        }
        return OptionalDouble.empty();
    }

    /** Every code of the table with its weight, in code order (a stable order, for seeded generators). */
    public SortedMap<String, Double> entries() {
        return new TreeMap<>(weights);
    }

    public int size() {
        return weights.size();
    }
}
