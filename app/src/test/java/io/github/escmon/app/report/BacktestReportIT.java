package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.Escmon;
import io.github.escmon.testkit.KafkaCluster;
import io.github.escmon.testkit.WithKafka;
import io.github.escmon.testkit.golden.Golden;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code escmon backtest FILE --report report.html} on the seed story, through a real broker. */
@WithKafka
@Timeout(240)
class BacktestReportIT {

    @Test
    void backtestWritesTheReportOfItsRun(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.jsonl");
        Files.write(seed, Golden.lines(Golden.SEED));
        Path report = dir.resolve("report.html");
        PrintStream original = System.out;
        var captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = Escmon.commandLine().execute("backtest", seed.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--set", "alert.critical=7.5", "--quiet", "--report", report.toString());
        } finally {
            System.setOut(original);
        }
        assertEquals(0, code, captured.toString(StandardCharsets.UTF_8));

        ReportDocument doc = ReportDocument.parse(Files.readString(report));
        assertEquals("escmon report: seed.jsonl", doc.text("//h1"));
        String facts = doc.text("//dl[@class='facts']");
        assertTrue(facts.contains("read 13: accepted 13, unpaired 0, invalid 0, duplicate 0, domestic 0, late 0"), facts);
        assertTrue(facts.contains("changed from the defaults: alert.critical=7.5"), facts);
        assertEquals(List.of("IRN-JAD", "IRN-IRQ", "IRN-PAK"), doc.texts("//section[@class='dyad']/h2"));
        assertEquals("CRITICAL 7.5", doc.text("//section[@id='dyad-IRN-PAK']//*[local-name()='text' and contains(@class,'threshold-CRITICAL')]"));
        assertTrue(doc.text("//section[@id='dyad-IRN-PAK']//table[@class='alerts']")
                .contains("PAK struck back at IRN 32 h after IRN's attack (1.39× its intensity)"), "escmon's alert summaries");
        assertTrue(doc.texts("//section[@id='dyad-IRN-PAK']//table[@class='events']//td[@class='summary']")
                .contains("tit-for-tat #2 Pakistan strikes militant hideouts around Saravan, Sistan and Baluchestan"),
                "escmon's own evidence");
    }
}
