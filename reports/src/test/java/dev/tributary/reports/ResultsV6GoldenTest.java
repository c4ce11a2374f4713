package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.LabelsResult;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed results.json of schema version 6, the layout this build writes (a sea-abrupt run
 * whose labels came 300 events late, each strategy's per-event correctness included), is read into the values it records and renders a report
 * with its late-labels section. A change that breaks this changes the persisted format, and
 * should bump {@code SCHEMA_VERSION} on purpose.
 */
class ResultsV6GoldenTest {

    @TempDir
    Path dir;

    @Test
    void theVersion6FileIsReadIntoItsRecordedValues() throws Exception {
        ExperimentResults results = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, dir));
        assertEquals(6, results.schemaVersion());
        assertEquals(ExperimentResults.SCHEMA_VERSION, results.schemaVersion(), "the version this build writes");
        assertEquals(300, results.scenario().labels().delayEvents());
        assertTrue(results.scenario().labels().joined());
        assertEquals(3000, results.runs().get(0).produce().labels());

        StrategyResult online = results.strategy("online");
        LabelsResult labels = online.labels();
        assertEquals(0.8604166666666667, online.prequential().cumulative().get("accuracy"), 1e-15, "late");
        // The v5 file's online ideal: the same stream and seed, every label on time.
        assertEquals(0.8720833333333333, labels.withoutDelay().get("accuracy"), 1e-15, "on time");
        assertEquals(3000, labels.events());
        assertEquals(3000, labels.learned());
        assertEquals(0, labels.expired());
        assertEquals(350, online.freshness().events().p50(), "from the event: the delay and half a mini-batch");
        assertEquals(50, labels.freshnessEvents().p50(), "from the label: half a mini-batch");
        assertEquals(50, labels.withoutDelayFreshnessEvents().p50());
        LabelsResult batch = results.strategy("batch").labels();
        assertEquals(2400, batch.ignored(), "the frozen model learns no label after the history");
        assertEquals(batch.withoutDelay(), results.strategy("batch").prequential().cumulative());

        // McNemar's counts agree with the accuracies: b - c = (accuracy_a - accuracy_b) * events.
        long[] discordant = McNemarTable.discordant(results, "batch", "periodic-retrain");
        StrategyResult periodic = results.strategy("periodic-retrain");
        assertEquals((results.strategy("batch").metrics().get("accuracy") - periodic.metrics().get("accuracy"))
                * periodic.prequential().events(), discordant[0] - discordant[1], 1e-6);

        Path out = dir.resolve("report");
        ReportWriter.write(results, out);
        String summary = Files.readString(out.resolve(ReportWriter.SUMMARY));
        assertTrue(summary.contains("### Late labels"), summary);
        assertTrue(summary.contains("| online | 300 | 0.8604 | 0.8721 | -0.0117 |"), summary);
        assertTrue(Files.readString(out.resolve("index.html")).contains("<h2>Late labels</h2>"));
        assertTrue(summary.contains("| batch | periodic-retrain | 5 | 19 | 0.0066 | 0.0397 | periodic-retrain better |"),
                summary);
    }
}
