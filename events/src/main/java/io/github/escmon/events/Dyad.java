package io.github.escmon.events;

import java.util.regex.Pattern;

/**
 * An unordered pair of actors, written with its two actor codes in alphabetical order joined by {@code -}
 * ({@code IRN-PAK}). {@code a} is the first code, {@code b} the second; an event a→b is "ab", b→a is "ba".
 */
public record Dyad(String a, String b) {

    private static final Pattern KEY = Pattern.compile("([A-Z0-9_]{2,32})-([A-Z0-9_]{2,32})");

    public Dyad {
        if (a.compareTo(b) >= 0) {
            throw new IllegalArgumentException("dyad actors must be distinct and in alphabetical order: " + a + ", " + b);
        }
    }

    /** The dyad of an event between two distinct actors, in either direction. */
    public static Dyad of(String x, String y) {
        return x.compareTo(y) < 0 ? new Dyad(x, y) : new Dyad(y, x);
    }

    /** Parses a key such as {@code IRN-PAK}; rejects anything else with a message that says why. */
    public static Dyad parse(String key) {
        var m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a dyad key (expected two actor codes [A-Z0-9_]{2,32} joined by '-'): " + key);
        }
        return new Dyad(m.group(1), m.group(2));
    }

    /** Whether an event from {@code source} runs a→b. */
    public boolean isForward(String source) {
        return a.equals(source);
    }

    public String key() {
        return a + "-" + b;
    }

    @Override
    public String toString() {
        return key();
    }
}
