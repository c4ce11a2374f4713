package dev.tributary.reports;

import dev.tributary.common.config.Mode;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.KeepingUp;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed results.json of schema version 4 (a prequential sea-abrupt run, each strategy
 * in its own lane) is read into the values it records, as an in-process run, and renders a report. A change that breaks this changes the persisted format, and should bump
 * {@code SCHEMA_VERSION} on purpose.
 */
class ResultsV4GoldenTest {

    @TempDir
    Path dir;

    @Test
    void theVersion4FileIsReadIntoItsRecordedValues() throws Exception {
        ExperimentResults results = ResultsFile.read(GoldenResults.copy(GoldenResults.V4, dir));
        assertEquals(4, results.schemaVersion());
        assertEquals(Mode.IN_PROCESS, results.scenario().mode(), "version 4 predates the deployed mode");
        assertEquals(false, results.scenario().evaluation().concurrent(), "strategies one after another");
        assertEquals(true, results.scenario().evaluation().warmUp());
        assertEquals(List.of("batch", "periodic-retrain", "online", "warm-start", "majority", "no-change"),
                results.strategies().stream().map(StrategyResult::strategy).toList());
        StrategyResult online = results.strategy("online");
        assertNull(online.served(), "nothing was deployed");
        assertEquals(0, online.model().lastEventMs(), "version 4 did not record the newest learned event");
        assertEquals(0.8720833333333333, online.prequential().cumulative().get("accuracy"), 1e-15);
        KeepingUp keepingUp = online.keepingUp();
        assertEquals(List.of(new KeepingUp.LagPoint(1600, 121), new KeepingUp.LagPoint(2600, 110)), keepingUp.lag());
        assertEquals(true, keepingUp.keptUp());
        assertEquals(4026.8456375838928, keepingUp.sustainableEventsPerSecond(), 1e-9);
        assertEquals(0.0, results.strategy("no-change").prequential().cumulative().get("kappa_temporal"), 0.0);

        Path out = dir.resolve("report");
        ReportWriter.write(results, out);
        String summary = Files.readString(out.resolve(ReportWriter.SUMMARY));
        assertTrue(summary.contains("sustainable events/s"), "the report shows each strategy's sustainable rate");
        assertTrue(summary.contains("kept up"));
        assertTrue(summary.contains("Kappa-temporal compares each strategy with the no-change classifier"),
                "a prequential report says what kappa-temporal means");
    }
}
