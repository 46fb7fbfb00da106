package io.github.escmon.producer.acled;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ACLED actor name → actor code ({@code [A-Z0-9_]{2,32}}), a pure function of the name, so the same actor gets
 * the same code in every file and every run.
 *
 * <ol>
 *   <li>State forces ("Military Forces of Iran (1989-)", "Police Forces of Pakistan (2018-)", "Government of
 *       Syria (2000-2024)", also with a branch after the period: "... (1989-) Islamic Revolutionary Guard
 *       Corps") → the country's ISO 3166 alpha-3 code ({@code IRN}, {@code PAK}, {@code SYR}). The period and the
 *       branch are dropped: every force and government of a country is that country. A named state that is no
 *       ISO country ("Military Forces of Somaliland (1991-)") → a code derived from its name ({@code
 *       SOMALILAND}).</li>
 *   <li>Any other actor → a derived code: the name upper-cased, accents dropped, apostrophes dropped, every run
 *       of other characters an underscore ("Jaish al-Adl" → {@code JAISH_AL_ADL}, "TTP: Tehrik-i-Taliban
 *       Pakistan" → {@code TTP_TEHRIK_I_TALIBAN_PAKISTAN}). A trailing "(Country)" becomes the country's code,
 *       so "Civilians (Iran)" → {@code CIVILIANS_IRN}, "Protesters (Pakistan)" → {@code PROTESTERS_PAK},
 *       "Rioters (Iran)" → {@code RIOTERS_IRN}; a trailing part that is no country stays words ("Protesters
 *       (International)" → {@code PROTESTERS_INTERNATIONAL}).</li>
 *   <li>A hash suffix only where needed: when the code would be longer than 32 characters, shorter than 2, or
 *       equal to a country's alpha-3 code, it becomes the words cut to fit, {@code _}, the first 6 hex digits of
 *       the SHA-256 of the full code (UTF-8), and the country suffix if any ("Unidentified Communal Militia
 *       (Nigeria)" → {@code UNIDENTIFIED_COMMUNAL_EB7179_NGA}). A name with no Latin letter or digit at all →
 *       {@code ACTOR_} and the hash of the name.</li>
 * </ol>
 * Names that differ only in case, accents or punctuation ("Jaish al Adl", "Jaish al-Adl") get one code on
 * purpose: ACLED spells some actors more than one way.
 */
final class ActorCodes {

    /** What an actor name became: a country's code, or a code made up from the name. */
    record ActorCode(String code, boolean derived) {
    }

    static final int MAX_LENGTH = 32;
    private static final int HASH_DIGITS = 6;
    private static final String STATE = "(?:Military Forces|Police Forces|Government) of (?:the )?";
    /** A state actor with ACLED's period in parentheses, and perhaps a branch after it. */
    private static final Pattern STATE_WITH_PERIOD =
            Pattern.compile(STATE + "(?<country>[^()]+?) \\(\\d{4}-(?:\\d{4})?\\)(?: .*)?", Pattern.CASE_INSENSITIVE);
    /** Without a period: a state only if the rest is a country ("Government of National Accord" is not). */
    private static final Pattern STATE_WITHOUT_PERIOD = Pattern.compile(STATE + "(?<country>[^()]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PARENTHESES = Pattern.compile("(?<base>.*?)\\s*\\((?<inside>[^()]*)\\)");

    private ActorCodes() {
    }

    static ActorCode of(String name) {
        String n = name.strip().replaceAll("\\s+", " ");
        Matcher withPeriod = STATE_WITH_PERIOD.matcher(n);
        if (withPeriod.matches()) {
            String country = withPeriod.group("country");
            return Countries.iso3(country).map(iso -> new ActorCode(iso, false))
                    .orElseGet(() -> new ActorCode(derive(country, null), true));
        }
        Matcher withoutPeriod = STATE_WITHOUT_PERIOD.matcher(n);
        if (withoutPeriod.matches()) {
            Optional<String> iso = Countries.iso3(withoutPeriod.group("country"));
            if (iso.isPresent()) {
                return new ActorCode(iso.get(), false);
            }
        }
        Matcher parentheses = TRAILING_PARENTHESES.matcher(n);
        if (parentheses.matches()) {
            Optional<String> iso = Countries.iso3(parentheses.group("inside"));
            if (iso.isPresent()) {
                return new ActorCode(derive(parentheses.group("base"), iso.get()), true);
            }
        }
        return new ActorCode(derive(n, null), true);
    }

    /** The code for words and an optional country suffix, by rule 2 and 3 above. */
    static String derive(String name, String country) {
        String words = words(name);
        String suffix = country == null ? "" : "_" + country;
        if (words.isEmpty()) {
            return "ACTOR_" + hash(name.strip() + suffix) + suffix;
        }
        String full = words + suffix;
        if (full.length() <= MAX_LENGTH && full.length() >= 2 && !Countries.isIso3(full)) {
            return full;
        }
        int room = MAX_LENGTH - suffix.length() - 1 - HASH_DIGITS;
        String cut = words.length() <= room ? words : words.substring(0, room);
        cut = cut.replaceAll("_+$", "");
        return cut + "_" + hash(full) + suffix;
    }

    /** "Jaish al-Adl" → "JAISH_AL_ADL": upper case, accents and apostrophes dropped, other runs → '_'. */
    static String words(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("['’`]", "")
                .replaceAll("[^A-Z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
