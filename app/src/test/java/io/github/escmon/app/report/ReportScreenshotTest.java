package io.github.escmon.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed report as headless Chromium draws it on a 1366×768 laptop screen: the page renders, with its inline
 * styles applied. Skipped where Chromium is not installed (CI); the screenshot is kept in
 * {@code target/report-screenshots/} for a person to look at.
 */
class ReportScreenshotTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void seedReportRendersOnALaptopScreen(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium not installed at " + CHROMIUM);
        Path report = dir.resolve("report.html");
        HtmlReport.write(report, SeedRun.input());
        Path png = Files.createDirectories(Path.of("target", "report-screenshots")).resolve("seed-1366x768.png");
        Files.deleteIfExists(png);

        screenshot(report, png, dir);

        assertTrue(Files.size(png) > 20_000, "a blank page compresses to a few KB: " + Files.size(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1366, image.getWidth());
        assertEquals(768, image.getHeight());
        int ink = 0;
        int critical = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                ink += r + g + b < 200 ? 1 : 0;
                critical += r > 170 && g < 70 && b < 70 ? 1 : 0;
            }
        }
        assertTrue(ink > 5_000, "dark text and lines drawn: " + ink + " pixels");
        assertTrue(critical > 200, "the inline CSS is applied (CRITICAL badges and line are red): " + critical + " pixels");
    }

    private static void screenshot(Path report, Path png, Path dir) throws Exception {
        Path profile = Files.createDirectory(dir.resolve("chromium-profile"));
        Path log = dir.resolve("chromium.log");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1366,768",
                "--screenshot=" + png.toAbsolutePath(), report.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s:\n" + Files.readString(log));
        }
        assertTrue(Files.exists(png), "no screenshot; chromium said:\n" + Files.readString(log));
    }
}
