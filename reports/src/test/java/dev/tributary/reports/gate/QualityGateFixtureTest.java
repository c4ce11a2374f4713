package dev.tributary.reports.gate;

import dev.tributary.common.config.ScenarioFiles;
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
    void anUpdatedBaselineGatesOnlyTheRunItWasMeasuredOn() throws Exception {
        Path results = GoldenResults.copy(GoldenResults.V2, dir);
        var measured = ResultsFile.read(results);
        Path baseline = dir.resolve("recorded-baseline.yaml");
        Path gates = fixture("gates.yaml");
        Path oldBaseline = fixture("baseline.yaml");
        QualityGate.load(gates, oldBaseline).updateBaseline(List.of(measured), baseline);
        String written = Files.readString(baseline);
        assertTrue(written.contains("runs:") && written.contains("breast-cancer/holdout:")
                && written.contains("fingerprint: " + GatedRun.of(measured.scenario()).fingerprint()), written);

        QualityGate gate = QualityGate.load(gates, baseline);
        assertEquals(6, gate.check(List.of(measured)).size(), "the measured run is the gated one");
        assertEquals(List.of(), gate.mismatches(measured));

        // The same scenario name with another split: its numbers are not the gated run's.
        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(results).replaceFirst("\"trainFraction\" ?: ?0.6", "\"trainFraction\" : 0.5"));
        var reseeded = ResultsFile.read(other);
        assertEquals(0.5, reseeded.scenario().split().trainFraction());
        assertEquals(List.of(), gate.check(List.of(reseeded)));
        List<String> why = gate.mismatches(reseeded);
        assertEquals(1, why.size(), why.toString());
        assertTrue(why.get(0).startsWith("not the run gated as breast-cancer/holdout: data set breast-cancer, holdout, "
                + "seed 42, 2 repetition(s) (fingerprint " + GatedRun.of(reseeded.scenario()).fingerprint() + ")"), why.get(0));
        assertTrue(why.get(0).endsWith("measured on data set breast-cancer, holdout, seed 42, 2 repetition(s) ("
                + GatedRun.of(measured.scenario()).fingerprint() + ")"), why.get(0));

        // The old baseline, a bare mapping of values, gates every run of the name, as it always did.
        assertEquals(6, QualityGate.load(gates, oldBaseline).check(List.of(reseeded)).size());
    }

    @Test
    void theFingerprintIgnoresWhatCannotChangeAQualityNumber() {
        GatedRun base = GatedRun.of(ScenarioFiles.load("breast-cancer", Map.of("batch.epochs", 5)));
        assertEquals(16, base.fingerprint().length());
        assertEquals(base, GatedRun.of(ScenarioFiles.load("breast-cancer", Map.of("batch.epochs", 5,
                "name", "elsewhere", "rate.events-per-second", 500, "evaluation.warm-up", false))),
                "name, rate (not deployed) and warm-up do not change the numbers");
        for (Map<String, Object> changed : List.<Map<String, Object>>of(Map.of("batch.epochs", 6),
                Map.of("batch.epochs", 5, "seed", 7), Map.of("batch.epochs", 5, "repetitions", 2),
                Map.of("batch.epochs", 5, "split.train-fraction", 0.5))) {
            assertFalse(base.fingerprint().equals(GatedRun.of(ScenarioFiles.load("breast-cancer", changed)).fingerprint()),
                    changed + " changes them");
        }
        var deployed = Map.<String, Object>of("protocol", "prequential", "mode", "deployed", "rate.events-per-second", 1000);
        var faster = new java.util.HashMap<String, Object>(deployed);
        faster.put("rate.events-per-second", 2000);
        assertFalse(GatedRun.of(ScenarioFiles.load("sea-abrupt", deployed)).equals(
                GatedRun.of(ScenarioFiles.load("sea-abrupt", faster))), "deployed, the rate decides staleness");
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
