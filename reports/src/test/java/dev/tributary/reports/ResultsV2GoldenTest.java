package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.StrategyResult;
import dev.tributary.reports.figures.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * results.json of schema version 2, frozen: the committed file of a real run must still be read
 * by {@code ResultsFile} into the same values and rendered by {@code ReportWriter}. A change that
 * breaks this changes the persisted format, and should bump {@code SCHEMA_VERSION} on purpose.
 */
class ResultsV2GoldenTest {

    @TempDir
    Path dir;

    private ExperimentResults golden() throws Exception {
        return ResultsFile.read(GoldenResults.copy(GoldenResults.V2, dir));
    }

    @Test
    void theVersion2FileIsReadIntoItsRecordedValues() throws Exception {
        ExperimentResults results = golden();
        assertEquals(2, results.schemaVersion());
        assertEquals("breast-cancer", results.scenario().name());
        assertEquals("holdout", results.scenario().protocol().key());
        assertEquals(42, results.scenario().seeds().master(), "the master seed");
        assertEquals(List.of("clump_thickness", "cell_size_uniformity", "cell_shape_uniformity", "marginal_adhesion",
                "single_epithelial_cell_size", "bare_nuclei", "bland_chromatin", "normal_nucleoli", "mitoses"),
                results.schema().featureNames());
        assertEquals(2, results.runs().size(), "two repetitions");
        assertEquals(42, results.runs().get(0).seeds().master());
        assertEquals(43, results.runs().get(1).seeds().master(), "repetition r takes master seed + r");
        assertEquals(List.of("batch", "periodic-retrain", "online", "warm-start", "majority", "no-change"),
                results.strategies().stream().map(StrategyResult::strategy).toList());

        StrategyResult batch = results.strategy("batch");
        assertEquals(280, batch.holdout().examples(), "the 40 % test split of 699 rows");
        assertEquals(0.9642857142857143, batch.holdout().metrics().get("accuracy"), 1e-15);
        assertArrayEquals(new long[][] {{176, 6}, {4, 94}}, batch.holdout().confusionMatrix());
        assertTrue(Double.isNaN(batch.holdout().metrics().get("kappa_temporal")), "NaN is written as \"NaN\" and read back");

        assertEquals(0.9660714285714286, results.summary().get("batch").get("accuracy").mean(), 1e-15);
        assertEquals(List.of(0.9714285714285714, 0.9678571428571429),
                results.summary().get("online").get("accuracy").values());
        assertEquals(0.07593883084697589, results.summary().get("batch").get("log_loss").mean(), 1e-15);
        assertEquals(1, results.environment().nd4jMaxThreads());
        assertNull(results.environment().garbageCollectors(), "not recorded in version 2");
        assertNull(results.environment().jvmArguments());
        // Read through the upgrade to version 3: a version-2 run learned a poll of at most
        // max-poll-records at a time, for epochs-per-poll epochs.
        assertEquals(3, results.scenario().stream().epochs(), "stream.epochsPerPoll became stream.epochs");
        assertEquals(100, results.scenario().stream().miniBatch(), "its polls of at most 100 records, as mini-batches");
    }

    @Test
    void theVersion2FileRendersAReport() throws Exception {
        Path out = dir.resolve("report");
        List<Figure> figures = ReportWriter.write(golden(), out);
        assertFalse(figures.isEmpty(), "a holdout run with a learning curve draws figures");
        for (Figure f : figures) {
            assertTrue(Files.size(out.resolve(f.png())) > 0, f.png());
        }
        String index = Files.readString(out.resolve(ReportWriter.INDEX));
        assertTrue(index.contains("breast-cancer"), "the page names the scenario");
        assertTrue(index.contains("0.9661"), "the page shows batch's mean accuracy");
        assertTrue(index.contains("<tr><td>garbage collectors</td><td>not recorded</td></tr>"), "an old file says so");
        assertTrue(index.contains("batch: confusion matrix, per-class precision, recall and F1"), "per-class tables");
        assertTrue(index.contains("<td>benign</td>") && index.contains("<td>malignant</td>"), "named by the schema's classes");
        assertTrue(Files.readString(out.resolve(ReportWriter.SUMMARY)).contains("periodic-retrain"));
    }
}
