package dev.tributary.reports;

import dev.tributary.common.config.Mode;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed results.json of schema version 5 (a deployed-mode
 * sea-abrupt run: each strategy in its own lane, then each neural strategy deployed), is read into
 * the values it records and renders a report with its served figures. A change that breaks this
 * changes the persisted format, and should bump {@code SCHEMA_VERSION} on purpose.
 */
class ResultsV5GoldenTest {

    @TempDir
    Path dir;

    @Test
    void theVersion5FileIsReadIntoItsRecordedValues() throws Exception {
        ExperimentResults results = ResultsFile.read(GoldenResults.copy(GoldenResults.V5, dir));
        assertEquals(5, results.schemaVersion());
        assertEquals(false, results.scenario().labels().joined(), "version 5 knew no late labels");
        assertNull(results.strategy("online").labels());
        assertEquals(Mode.DEPLOYED, results.scenario().mode());
        StrategyResult online = results.strategy("online");
        assertEquals(0.8720833333333333, online.prequential().cumulative().get("accuracy"), 1e-15, "the ideal");
        ServedResult served = online.served();
        assertEquals(0.8595833333333334, served.quality().cumulative().get("accuracy"), 1e-15, "as served");
        assertEquals(3000, served.events());
        assertEquals(600, served.history());
        assertEquals(2400, served.evaluated());
        assertTrue(served.reconciles());
        assertEquals(30, served.versionsPublished());
        assertEquals(20, served.versionsServed());
        assertEquals(454, served.stalenessEvents().p50());
        assertEquals(3000, served.trainer().recordsTrained());
        ServedResult batch = results.strategy("batch").served();
        assertEquals(2399, batch.stalenessEvents().max(), "its one model knows offsets 0..599; the last event is 2,999");
        assertNull(results.strategy("majority").served(), "a reference strategy is not deployed");

        Path out = dir.resolve("report");
        ReportWriter.write(results, out);
        String summary = Files.readString(out.resolve(ReportWriter.SUMMARY));
        assertTrue(summary.contains("### As deployed"), summary);
        assertTrue(summary.contains("| online | 0.8721 | 0.8596 | -0.0125 |"), summary);
        assertTrue(Files.exists(out.resolve("tradeoff-staleness.png")));
    }
}
