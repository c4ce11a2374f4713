package dev.tributary.reports.gate;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.ScenarioFiles;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.stats.Summary;
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
    void aHigherIsBetterMetricHasAFloorAndDropsAreFalls(@TempDir Path dir) throws Exception {
        QualityGate gate = gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: batch, metric: accuracy, min: 0.9, max-drop: 0.02}
                  - {scenario: spambase, protocol: holdout, strategy: batch, metric: accuracy, min: 0.99}
                """, """
                breast-cancer/holdout/batch/accuracy: 0.97
                """);
        List<GateResult> good = gate.check(List.of(measured(0.96, 0.12)));
        assertEquals(1, good.size(), "the spambase gate does not apply to a breast-cancer run");
        assertTrue(good.get(0).passed(), QualityGate.table(good));
        assertTrue(gate.check(List.of(measured(0.99, 0.12))).get(0).passed(), "a rise of accuracy is no drop");

        GateResult drop = gate.check(List.of(measured(0.94, 0.16))).get(0);
        assertFalse(drop.passed());
        assertTrue(drop.reason().contains("0.0300 worse than the baseline 0.9700 (higher is better"), drop.reason());

        List<GateResult> floor = gate.check(List.of(measured(0.5, 0.4)));
        assertTrue(floor.get(0).reason().contains("accuracy 0.5000 is below the minimum 0.9000"), floor.get(0).reason());
        assertTrue(QualityGate.table(floor).startsWith("       gate"));
        assertTrue(QualityGate.table(floor).contains("FAIL   breast-cancer/holdout/batch/accuracy"));
    }

    @Test
    void aDeployedGateReadsTheServedValueOfADeployedRunOnly(@TempDir Path dir) throws Exception {
        QualityGate gate = gate(dir, """
                gates:
                  - {scenario: sea-abrupt, protocol: deployed, strategy: online, metric: accuracy, min: 0.8}
                  - {scenario: sea-abrupt, protocol: prequential, strategy: online, metric: accuracy, min: 0.85}
                """, null);
        Map<String, Map<String, Summary>> summary = Map.of("online", Map.of(
                "accuracy", Summary.of(List.of(0.88)), "served_accuracy", Summary.of(List.of(0.79))));
        ScenarioConfig deployed = ScenarioFiles.load("sea-abrupt", Map.of("mode", "deployed"));
        List<GateResult> both = gate.check(List.of(new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "r", "s", "f",
                deployed, null, null, null, List.of(), summary)));
        assertEquals(2, both.size(), "a deployed run has both the ideal and the served value");
        GateResult served = both.stream().filter(r -> r.gate().protocol().equals("deployed")).findFirst().orElseThrow();
        assertEquals(0.79, served.value(), 0.0, "the served value, not the ideal one");
        assertFalse(served.passed());
        assertTrue(both.stream().filter(r -> r.gate().protocol().equals("prequential")).allMatch(GateResult::passed));

        ScenarioConfig inProcess = ScenarioFiles.load("sea-abrupt", Map.of());
        List<GateResult> ideal = gate.check(List.of(new ExperimentResults(ExperimentResults.SCHEMA_VERSION, "r", "s", "f",
                inProcess, null, null, null, List.of(), summary)));
        assertEquals(List.of("prequential"), ideal.stream().map(r -> r.gate().protocol()).toList(),
                "an in-process run serves nothing to gate");
    }

    @Test
    void aLowerIsBetterMetricHasACeilingAndDropsAreRises(@TempDir Path dir) throws Exception {
        QualityGate gate = gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: batch, metric: log_loss, max: 0.3, max-drop: 0.05}
                """, """
                breast-cancer/holdout/batch/log_loss: 0.10
                """);
        GateResult passes = gate.check(List.of(measured(0.96, 0.12))).get(0);
        assertTrue(passes.passed(), "0.12 is under the ceiling and 0.02 above the baseline: " + passes.reason());
        assertTrue(gate.check(List.of(measured(0.96, 0.01))).get(0).passed(), "a fall of log loss is an improvement");

        GateResult rose = gate.check(List.of(measured(0.96, 0.16))).get(0);
        assertFalse(rose.passed(), "log loss rose by 0.06 > 0.05");
        assertTrue(rose.reason().contains("log_loss 0.1600 is 0.0600 worse than the baseline 0.1000 (lower is better"),
                rose.reason());

        GateResult ceiling = gate.check(List.of(measured(0.96, 0.4))).get(0);
        assertFalse(ceiling.passed());
        assertTrue(ceiling.reason().contains("log_loss 0.4000 is above the maximum 0.3000"), ceiling.reason());
    }

    @Test
    void aBoundOnTheWrongSideOfTheMetricsDirectionIsRejectedAtLoad(@TempDir Path dir) {
        ConfigException floorOnLogLoss = assertThrows(ConfigException.class, () -> gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: batch, metric: log_loss, min: 0.3}
                """, null));
        assertEquals("gates[breast-cancer/holdout/batch/log_loss].min", floorOnLogLoss.field());
        assertTrue(floorOnLogLoss.getMessage().contains("log_loss is lower is better; bound it with max"),
                floorOnLogLoss.getMessage());

        ConfigException ceilingOnAccuracy = assertThrows(ConfigException.class, () -> gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: online, metric: accuracy, max: 0.99}
                """, null));
        assertEquals("gates[breast-cancer/holdout/online/accuracy].max", ceilingOnAccuracy.field());
        assertTrue(ceilingOnAccuracy.getMessage().contains("accuracy is higher is better; bound it with min"),
                ceilingOnAccuracy.getMessage());

        ConfigException unknown = assertThrows(ConfigException.class, () -> gate(dir, """
                gates:
                  - {scenario: breast-cancer, protocol: holdout, strategy: online, metric: kappa, min: 0.5}
                """, null));
        assertEquals("gates[breast-cancer/holdout/online/kappa].metric", unknown.field());
        assertTrue(unknown.getMessage().contains("kappa_m"), unknown.getMessage());
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
        assertEquals("gates[x/holdout/batch/accuracy].min/max/max-drop", incomplete.field());
        assertThrows(ConfigException.class, () -> gate(dir, "gates:\n  - {scenario: x, minimum: 3}\n", null));
    }
}
