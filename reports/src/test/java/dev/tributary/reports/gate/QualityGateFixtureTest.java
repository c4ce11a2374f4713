package dev.tributary.reports.gate;

import dev.tributary.results.ResultsFile;
import dev.tributary.reports.GoldenResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed gates and baseline fixtures ({@code gates.yaml}, {@code baseline.yaml} beside
 * this class) against the committed results of schema version 2: each gate's outcome is fixed,
 * and written next to it in gates.yaml. Also loads the project's own quality-gates.yaml, so
 * that a gate on the wrong side of its metric's direction cannot be checked in.
 */
class QualityGateFixtureTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws Exception {
        try (InputStream in = QualityGateFixtureTest.class.getResourceAsStream(name)) {
            assertNotNull(in, "gate fixture " + name + " is missing from src/test/resources/dev/tributary/reports/gate");
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    @Test
    void eachFixtureGateHasItsRecordedOutcomeOnTheVersion2Results() throws Exception {
        QualityGate gate = QualityGate.load(fixture("gates.yaml"), fixture("baseline.yaml"));
        List<GateResult> outcomes = gate.check(List.of(ResultsFile.read(GoldenResults.copy(GoldenResults.V2, dir))));

        Map<String, Boolean> passed = new LinkedHashMap<>();
        outcomes.forEach(r -> passed.put(r.gate().key(), r.passed()));
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("breast-cancer/holdout/batch/accuracy", true);
        expected.put("breast-cancer/holdout/online/accuracy", false);
        expected.put("breast-cancer/holdout/online/roc_auc", true);
        expected.put("breast-cancer/holdout/batch/log_loss", true);
        expected.put("breast-cancer/holdout/online/log_loss", false);
        expected.put("breast-cancer/holdout/warm-start/log_loss", false);
        assertEquals(expected, passed, "the prequential gate does not apply; the others as commented:\n"
                + QualityGate.table(outcomes));

        assertEquals("accuracy 0.9696 is below the minimum 0.9800", outcomes.get(1).reason());
        assertEquals("log_loss 0.0738 is 0.0138 worse than the baseline 0.0600 (lower is better; allowed 0.0100)",
                outcomes.get(4).reason());
        assertEquals("log_loss 0.0739 is above the maximum 0.0500", outcomes.get(5).reason());
        assertEquals(0.9931, outcomes.get(2).baseline(), 1e-12);
        assertTrue(QualityGate.table(outcomes).startsWith("       gate"));
    }

    @Test
    void theProjectsOwnGatesFileLoads() {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path gates = root.resolve("quality-gates.yaml");
        Path baseline = root.resolve("quality-baseline.yaml");
        assertTrue(Files.isRegularFile(gates), "run from the reports module: " + gates);
        assertTrue(Files.isRegularFile(baseline), baseline.toString());
        QualityGate.load(gates, baseline); // throws ConfigException on a bound against its metric's direction
    }
}
