package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the seed story (SCORING.md §6), read back as a document. */
class HtmlReportTest {

    private static String html;
    private static ReportDocument doc;

    @BeforeAll
    static void render() throws Exception {
        html = HtmlReport.render(SeedRun.input());
        doc = ReportDocument.parse(html);
    }

    private static String section(String dyad) {
        return "//section[@id='dyad-" + dyad + "']";
    }

    @Test
    void hasOneSectionPerAlertingDyadInTheOrderTheyFirstFired() throws Exception {
        assertEquals(List.of("dyad-IRN-JAD", "dyad-IRN-IRQ", "dyad-IRN-PAK"),
                doc.nodes("//section[@class='dyad']").stream().map(n -> n.getAttributes().getNamedItem("id").getNodeValue()).toList());
        assertEquals(List.of("IRN-JAD", "IRN-IRQ", "IRN-PAK"), doc.texts("//section[@class='dyad']/h2"));
    }

    @Test
    void headerNamesTheInputItsEventTimeRangeTallyAndThresholds() throws Exception {
        assertEquals("escmon report: iran-pakistan-2024.jsonl", doc.text("//h1"));
        String facts = doc.text("//dl[@class='facts']");
        assertTrue(facts.contains("2023-12-15 00:00 to 2024-01-29 08:05 UTC: 13 scored events in 3 dyads"), facts);
        assertTrue(facts.contains(SeedRun.TALLY), facts);
        assertTrue(facts.replaceAll("\\s+", " ").contains("WATCH 3 WARNING 5 CRITICAL 7"), facts);
        assertTrue(facts.endsWith("defaults"), facts);
    }

    @Test
    void summaryTableHasOneRowPerEpisodeLinkedToItsSection() throws Exception {
        assertEquals(3, doc.nodes("//table[@class='summary']/tbody/tr").size());
        assertEquals(List.of("IRN-PAK", "2024-01-16 17:00", "CRITICAL", "7.69", "2024-01-18 01:00", "2024-01-26 09:00", "2"),
                doc.texts("//table[@class='summary']/tbody/tr[@data-dyad='IRN-PAK']/td"));
        assertEquals(List.of("IRN-JAD", "2023-12-15 00:00", "WATCH", "4.29", "2023-12-15 00:00", "2023-12-20 00:00", "0"),
                doc.texts("//table[@class='summary']/tbody/tr[@data-dyad='IRN-JAD']/td"));
        assertEquals(List.of("#dyad-IRN-JAD", "#dyad-IRN-IRQ", "#dyad-IRN-PAK"), doc.texts("//table[@class='summary']//a/@href"));
    }

    @Test
    void eachDyadHasOneChartWithTheThreeThresholdLinesInOrder() throws Exception {
        for (String dyad : List.of("IRN-JAD", "IRN-IRQ", "IRN-PAK")) {
            assertEquals(1, doc.nodes(section(dyad) + "//*[local-name()='svg']").size(), dyad);
            String lines = section(dyad) + "//*[local-name()='line' and contains(@class,'threshold')]";
            assertEquals(List.of("CRITICAL", "WARNING", "WATCH"), doc.texts(lines + "/@data-level"), dyad);
            List<Double> y = doc.texts(lines + "/@y1").stream().map(Double::parseDouble).toList();
            assertEquals(doc.texts(lines + "/@y1"), doc.texts(lines + "/@y2"), "horizontal");
            // y grows downwards: 0..10 spans the plot, so 3, 5 and 7 are 2/10 of it apart
            assertTrue(y.get(0) < y.get(1) && y.get(1) < y.get(2), dyad + " " + y);
            assertEquals(y.get(2) - y.get(1), y.get(1) - y.get(0), 0.11, dyad + " " + y);
        }
    }

    @Test
    void alertBandsFollowTheLevelsOfEachEpisode() throws Exception {
        assertEquals(List.of("band band-WATCH", "band band-CRITICAL", "band band-WARNING", "band band-WATCH"),
                doc.texts(section("IRN-PAK") + "//*[local-name()='rect']/@class"));
        assertEquals("CRITICAL from 2024-01-18 01:00 to 2024-01-21 01:00",
                doc.text(section("IRN-PAK") + "//*[local-name()='rect'][2]/*[local-name()='title']"));
        assertEquals(List.of("band band-WATCH"), doc.texts(section("IRN-JAD") + "//*[local-name()='rect']/@class"));
    }

    @Test
    void marksTheStrikeBackWithWhoLagAndRatio() throws Exception {
        String marker = section("IRN-PAK") + "//*[contains(@class,'exchange') and @data-at='2024-01-18T01:00:00Z']";
        assertEquals(1, doc.nodes(marker).size());
        String title = doc.text(marker + "/*[local-name()='title']");
        assertTrue(title.contains("PAK struck back at IRN 32 h after IRN's attack (1.39× its intensity)"), title);
        assertEquals("irpk-2024-01-18-saravan", doc.text(marker + "/@data-response"));
        assertEquals(2, doc.nodes(section("IRN-PAK") + "//*[local-name()='g' and contains(@class,'exchange ')]").size(),
                "the recall on the 17th answered the strike on the 16th too");
        assertEquals(1, doc.nodes(section("IRN-IRQ") + "//*[local-name()='g' and contains(@class,'exchange ')]").size());
        assertEquals(0, doc.nodes(section("IRN-JAD") + "//*[local-name()='g' and contains(@class,'exchange ')]").size());
    }

    @Test
    void listsEachEventBehindTheScoreOnceWithItsEscapedSummaryAndLink() throws Exception {
        String rows = section("IRN-PAK") + "//table[@class='events']/tbody/tr";
        assertEquals(3, doc.nodes(rows).size(), "panjgur, the recall and saravan, each named by dozens of score records");
        assertEquals(List.of("2024-01-18 01:00", "PAK → IRN", "195", "21.51", "9",
                        "tit-for-tat #2 Pakistan strikes militant hideouts around Saravan, Sistan and Baluchestan",
                        "news.example.org"),
                doc.texts(rows + "[3]/td"));
        String recall = "Iraq recalls its ambassador from Tehran and summons Iran's charge d'affaires";
        assertTrue(doc.text(section("IRN-IRQ") + "//table[@class='events']").contains(recall));
        assertTrue(html.contains("Iran&#39;s charge d&#39;affaires"), "apostrophes escaped in the markup");
        assertFalse(html.contains("Iran's charge"));
        assertEquals(SeedRun.url("irpk-2024-01-18-saravan"), doc.text(rows + "[3]//a/@href"));
        assertTrue(html.contains("?id=irpk-2024-01-18-saravan&amp;lang=en\""), "& in a url escaped in its href");
    }

    @Test
    void fetchesNothing(@TempDir Path dir) throws Exception {
        List<String> hrefs = doc.texts("//table[@class='events']//a/@href");
        assertEquals(6, hrefs.size(), "one link per event row: 1 + 2 + 3");
        // every "http" in the page is inside an event's link, except the name of the CSP meta element's attribute
        String rest = html.replace("<meta http-equiv=\"Content-Security-Policy\"", "<meta csp");
        Matcher m = Pattern.compile(" href=\"(https?://[^\"]*)\"").matcher(rest);
        StringBuilder withoutLinks = new StringBuilder();
        int links = 0;
        while (m.find()) {
            assertTrue(hrefs.contains(m.group(1).replace("&amp;", "&")), m.group(1));
            m.appendReplacement(withoutLinks, " href=\"\"");
            links++;
        }
        m.appendTail(withoutLinks);
        assertEquals(hrefs.size(), links);
        String lower = withoutLinks.toString().toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("http"), "a reference outside the events' links");
        for (String fetch : List.of("<script", "<link", "<img", "<iframe", " src=", "url(", "@import", "xlink:href")) {
            assertFalse(lower.contains(fetch), fetch);
        }
        assertTrue(html.contains("default-src 'none'"), "and the page forbids fetching anything");
        Path out = dir.resolve("report.html");
        HtmlReport.write(out, SeedRun.input());
        assertEquals(html, Files.readString(out, StandardCharsets.UTF_8), "the same input gives the same bytes");
    }
}
