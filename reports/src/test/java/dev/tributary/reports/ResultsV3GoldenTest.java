package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed results.json of schema version 3 is read into the values it records and renders
 * a report. A change that breaks this changes the persisted format, and should bump
 * {@code SCHEMA_VERSION} on purpose.
 */
class ResultsV3GoldenTest {

    @TempDir
    Path dir;

    @Test
    void theVersion3FileIsReadIntoItsRecordedValues() throws Exception {
        ExperimentResults results = ResultsFile.read(GoldenResults.copy(GoldenResults.V3, dir));
        assertEquals(3, results.schemaVersion());
        assertEquals(false, results.scenario().evaluation().concurrent(), "version 3 had no concurrent mode");
        assertEquals(null, results.strategy("online").keepingUp(), "nor lag samples");
        assertEquals(100, results.scenario().stream().miniBatch());
        assertEquals(3, results.scenario().stream().epochs());
        assertEquals(500, results.scenario().stream().maxPollRecords());
        assertEquals(List.of("batch", "periodic-retrain", "online", "warm-start", "majority", "no-change"),
                results.strategies().stream().map(StrategyResult::strategy).toList());
        assertEquals(43, results.runs().get(1).seeds().master());
        StrategyResult online = results.strategy("online");
        assertEquals(0.9714285714285714, online.holdout().metrics().get("accuracy"), 1e-15);
        assertArrayEquals(new long[][] {{175, 7}, {1, 97}}, online.holdout().confusionMatrix());
        assertEquals(List.of(0.9714285714285714, 0.9714285714285714),
                results.summary().get("online").get("accuracy").values());

        Path out = dir.resolve("report");
        ReportWriter.write(results, out);
        assertTrue(Files.readString(out.resolve(ReportWriter.INDEX)).contains("breast-cancer"));
        assertFalse(Files.readString(out.resolve(ReportWriter.SUMMARY)).contains("Kappa-temporal compares"),
                "a holdout report has no stream to compare with persistence");
    }
}
