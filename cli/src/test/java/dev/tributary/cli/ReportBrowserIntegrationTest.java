package dev.tributary.cli;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.broker.test.SharedKafka;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.results.ExperimentResults;
import dev.tributary.reports.ReportWriter;
import dev.tributary.reports.figures.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a real run's index.html in a real headless browser (Debian's chromium, which .ci/run
 * installs) and fails if any image does not load. The page itself counts broken images on
 * load; the browser's DOM dump carries the count out.
 */
@Tag("integration")
class ReportBrowserIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern BROKEN = Pattern.compile("data-broken-images=\"(\\d+)\"");

    @TempDir
    static Path dir;
    private static List<Figure> figures;

    @BeforeAll
    static void renderARealRun() {
        ExperimentResults results = new ExperimentRunner(SharedKafka.connection(), true,
                ScenarioFiles.load("sea-abrupt", Map.of("name", SharedKafka.unique("report"), "source.events", 3_000L,
                        "source.generator.drift.positions", List.of(1_500L), "rate.events-per-second", 0.0,
                        "model.hidden-layers", List.of(8), "batch.epochs", 1, "periodic.every", 500L,
                        "periodic.window", 500)), dir.resolve("run"), ProgressListener.NONE).run();
        figures = ReportWriter.write(results, dir.resolve("run"));
    }

    @Test
    void everyImageLoadsInAHeadlessBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        assertTrue(figures.size() >= 5, "a prequential run draws its figures: " + figures);
        assertEquals(0, brokenImages(dir.resolve("run/index.html")), "every figure loads");
    }

    @Test
    void theCheckSeesAMissingImage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        Path copy = dir.resolve("broken");
        Files.createDirectories(copy);
        try (var files = Files.list(dir.resolve("run"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.delete(copy.resolve(figures.get(0).png()));
        assertEquals(1, brokenImages(copy.resolve("index.html")));
    }

    private static int brokenImages(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium");
        Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(browser.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        Matcher m = BROKEN.matcher(dom);
        assertTrue(m.find(), "the page did not report its images (no onload count): " + dom.substring(0, Math.min(500, dom.length())));
        return Integer.parseInt(m.group(1));
    }
}
