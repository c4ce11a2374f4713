package dev.tributary.reports.gate;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.evaluation.results.ExperimentResults;
import dev.tributary.evaluation.stats.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QualityGateTest {

    /** Results of the default scenario (breast-cancer, holdout) whose batch model measured these values. */
    private static ExperimentResults measured(double accuracy, double logLoss) {
        return new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "r", "s", "f", ScenarioConfig.defaults(), null,
                null, null, List.of(), Map.of("batch", Map.of(
                "accuracy", Summary.of(List.of(accuracy)), "log_loss", Summary.of(List.of(logLoss)))));
    }

    private static QualityGate gate(Path dir, String gates, String baseline) throws Exception {
        Files.writeString(dir.resolve("gates.yaml"), gates);
        if (baseline != null) {
            Files.writeString(dir.resolve("baseline.yaml"), baseline);
        }
        return QualityGate.load(dir.resolve("gates.yaml"), dir.resolve("baseline.yaml"));
    }

    @Test
    void floorsAndDropsTurnRoundForLogLoss(@TempDir Path dir) throws Exception {
        QualityGate gate = gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: batch, metric: accuracy, min: 0.9, max-drop: 0.02}
                  - {scenario: breast-cancer, protocol: holdout, strategy: batch, metric: log_loss, min: 0.3, max-drop: 0.05}
                  - {scenario: spambase, protocol: holdout, strategy: batch, metric: accuracy, min: 0.99}
                """, """
                breast-cancer/holdout/batch/accuracy: 0.97
                breast-cancer/holdout/batch/log_loss: 0.10
                """);
        List<GateResult> good = gate.check(List.of(measured(0.96, 0.12)));
        assertEquals(2, good.size(), "the spambase gate does not apply to a breast-cancer run");
        assertTrue(good.stream().allMatch(GateResult::passed), QualityGate.table(good));

        List<GateResult> drop = gate.check(List.of(measured(0.94, 0.16)));
        assertFalse(drop.get(0).passed());
        assertTrue(drop.get(0).reason().contains("0.0300 worse than the baseline 0.9700"), drop.get(0).reason());
        assertFalse(drop.get(1).passed(), "log loss rose by 0.06 > 0.05");

        List<GateResult> floor = gate.check(List.of(measured(0.5, 0.4)));
        assertTrue(floor.get(0).reason().contains("accuracy 0.5000 is below the minimum 0.9000"), floor.get(0).reason());
        assertTrue(floor.get(1).reason().contains("log_loss 0.4000 is above the ceiling 0.3000"), floor.get(1).reason());
        assertTrue(QualityGate.table(floor).startsWith("       gate"));
        assertTrue(QualityGate.table(floor).contains("FAIL   breast-cancer/holdout/batch/accuracy"));
    }

    @Test
    void updatingTheBaselineRecordsTheGatedValues(@TempDir Path dir) throws Exception {
        QualityGate gate = gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: batch, metric: accuracy, max-drop: 0.01}
                """, null);
        assertTrue(gate.check(List.of(measured(0.5, 1))).get(0).passed(), "no baseline yet: no drop to measure");
        assertEquals(1, gate.updateBaseline(List.of(measured(0.9612345, 1)), dir.resolve("baseline.yaml")));
        QualityGate reloaded = QualityGate.load(dir.resolve("gates.yaml"), dir.resolve("baseline.yaml"));
        GateResult after = reloaded.check(List.of(measured(0.95, 1))).get(0);
        assertEquals(0.9612, after.baseline(), 1e-12);
        assertFalse(after.passed());
    }

    @Test
    void aBadGatesFileNamesTheField(@TempDir Path dir) {
        ConfigException incomplete = assertThrows(ConfigException.class, () -> gate(dir,
                "gates:\n  - {scenario: x, protocol: holdout, strategy: batch, metric: accuracy}\n", null));
        assertEquals("gates[].min/max-drop", incomplete.field());
        assertThrows(ConfigException.class, () -> gate(dir, "gates:\n  - {scenario: x, minimum: 3}\n", null));
    }
}
