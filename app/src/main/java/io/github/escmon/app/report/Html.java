package io.github.escmon.app.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Text and links from the data, made safe for the report. Summaries, ids and urls come from untrusted input:
 * every one is escaped (the report is also well-formed XML, so characters XML forbids are replaced), and only
 * absolute http(s) urls become links.
 */
final class Html {

    private static final int HOST_CHARS = 40;

    private Html() {
    }

    private static String shorten(String host) {
        return host.length() <= HOST_CHARS ? host : host.substring(0, HOST_CHARS - 1) + "…";
    }

    /** {@code s} escaped for element text and double- or single-quoted attribute values; null is empty. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (allowed(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /** Characters XML 1.0 allows on their own (surrogate pairs are handled by the caller). */
    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }

    /** The url if it is an absolute http or https url with a host, else empty (javascript:, data:, relative…). */
    static Optional<URI> webLink(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isEmpty();
            return web ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * A link to a web page of the data, its text the site's host (shortened past {@value #HOST_CHARS} characters);
     * anything else a note that it is not a link.
     */
    static String link(String url) {
        return webLink(url).map(uri -> "<a href=\"" + text(uri.toString()) + "\" rel=\"noopener noreferrer nofollow\">"
                        + text(shorten(uri.getHost().replaceFirst("^www\\.", ""))) + "</a>")
                .orElse(url == null || url.isBlank() ? "" : "<span class=\"muted\">(not a web link)</span>");
    }
}
