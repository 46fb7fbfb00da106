package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.alerts.levels.AlertParameters;
import io.github.escmon.events.Alert;
import io.github.escmon.events.DyadScore;
import io.github.escmon.events.Evidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Summaries, urls, ids and the file name come from untrusted input: none of them can add markup or a script. */
class ReportEscapingTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    /** The seed run with hostile evidence on the strike back's score record and a hostile alert summary. */
    private static String hostileReport() {
        List<DyadScore> scores = new ArrayList<>(SeedRun.scores());
        for (int i = 0; i < scores.size(); i++) {
            DyadScore s = scores.get(i);
            if ("irpk-2024-01-18-saravan".equals(s.eventId())) {
                List<Evidence> evidence = new ArrayList<>(s.evidence());
                evidence.add(evil("evil-1", SCRIPT, "javascript:alert(1)"));
                evidence.add(evil("evil-2", "\"><img src=x onerror=alert(2)> ]]> \u0000 \uD800 end", " JaVaScRiPt:alert(2)"));
                evidence.add(evil("evil-3", "a data url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgzKTwvc2NyaXB0Pg=="));
                evidence.add(evil("evil-4", "protocol-relative", "//evil.example/x"));
                scores.set(i, new DyadScore(s.dyad(), s.a(), s.b(), s.at(), s.trigger(), s.eventId(), s.score(), s.raw(),
                        s.hostilityAB(), s.hostilityBA(), s.cooperation(), s.mutuality(), s.exchanges(), s.events(),
                        s.lastExchange(), evidence));
            }
        }
        List<Alert> alerts = SeedRun.alerts().stream().map(a -> new Alert(a.alertId(), a.dyad(), a.status(), a.level(),
                a.previousLevel(), a.score(), a.at(), a.since(), a.titForTat(), SCRIPT, a.lastExchange(), a.evidence())).toList();
        return HtmlReport.render(new ReportInput("<img src=x onerror=alert(5)>.jsonl", "read 13 & " + SCRIPT, scores, alerts,
                AlertParameters.defaults()));
    }

    private static Evidence evil(String id, String summary, String url) {
        return new Evidence(id, java.time.Instant.parse("2024-01-18T00:30:00Z"), "PAK", "IRN", "195", 0, 1.0, summary, url);
    }

    @Test
    void maliciousSummariesAreShownAsTextNotMarkup() throws Exception {
        String html = hostileReport();
        ReportDocument doc = ReportDocument.parse(html);
        assertEquals(0, doc.nodes("//script").size());
        assertEquals(0, doc.nodes("//img").size());
        assertEquals(0, doc.nodes("//@*[starts-with(local-name(), 'on')]").size(), "no event handler attributes");
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"));
        assertFalse(lower.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(doc.texts("//table[@class='events']//td[@class='summary']").contains(SCRIPT));
        assertTrue(doc.texts("//table[@class='alerts']/tbody/tr/td[5]").contains(SCRIPT), "alert summaries too");
        assertEquals("escmon report: <img src=x onerror=alert(5)>.jsonl", doc.text("//h1"));
        assertTrue(doc.text("//dl[@class='facts']").contains("read 13 & " + SCRIPT));
    }

    @Test
    void onlyHttpAndHttpsUrlsBecomeLinks() throws Exception {
        String html = hostileReport();
        ReportDocument doc = ReportDocument.parse(html);
        assertFalse(html.toLowerCase(Locale.ROOT).contains("javascript:alert"), "the url is not even shown");
        assertFalse(html.contains("data:text/html"));
        assertFalse(html.contains("//evil.example"));
        for (String href : doc.texts("//a/@href")) {
            assertTrue(href.startsWith("https://news.example.org/") || href.startsWith("#dyad-"), href);
        }
        List<String> notLinks = doc.texts("//table[@class='events']//td[@class='link'][span]");
        assertEquals(List.of("(not a web link)", "(not a web link)", "(not a web link)", "(not a web link)"), notLinks);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a?b=1&c=2", "http://example.org", "HTTPS://Example.org/x#y"})
    void webUrlsAreLinks(String url) {
        assertTrue(Html.webLink(url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "data:text/html,x", "vbscript:x", "file:///etc/passwd", "//evil.example/x", "/relative", "https:///nohost",
            "https://exa mple.org", "mailto:a@example.org", ""})
    void everythingElseIsNot(String url) {
        assertTrue(Html.webLink(url).isEmpty(), url);
    }

    @Test
    void escapesMarkupQuotesAndCharactersXmlForbids() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;", Html.text("<a href=\"x\" title='y'>&amp;"));
        assertEquals("a\uFFFDb\uFFFDc\uD83D\uDE00", Html.text("a\u0000b\uD800c\uD83D\uDE00"), "lone surrogate replaced, pair kept");
        assertEquals("", Html.text(null));
    }
}
