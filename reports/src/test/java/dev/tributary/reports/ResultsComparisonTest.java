package dev.tributary.reports;

import dev.tributary.common.config.Seeds;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsComparisonTest {

    @TempDir
    Path dir;

    @Test
    void pairedSeedsGiveThePairedTTest() throws Exception {
        ExperimentResults a = results(new long[] {42, 43, 44}, 0.80, 0.82, 0.81);
        ExperimentResults b = results(new long[] {42, 43, 44}, 0.78, 0.79, 0.80);
        ResultsComparison.Row row = accuracy(ResultsComparison.compare(a, b, Set.of("accuracy")));
        assertEquals("paired t", row.test());
        // Differences -0.02, -0.03, -0.01: mean -0.02, s = 0.01, t = -0.02 / (0.01 / sqrt 3) = -3.4641 with 2
        // degrees of freedom, whose CDF is 1/2 + t / (2 sqrt(t^2 + 2)): p = 2 (1 - F(3.4641)) = 0.0742.
        double t = 0.02 / (0.01 / Math.sqrt(3));
        assertEquals(2 * (0.5 - t / (2 * Math.sqrt(t * t + 2))), row.pValue(), 1e-9);
        assertEquals(-0.02, row.difference(), 1e-12);
        // The interval: -0.02 -+ t(0.975, 2) s / sqrt 3, t(0.975, 2) = 4.302653.
        assertEquals(-0.02 - 4.302653 * 0.01 / Math.sqrt(3), row.low(), 1e-6);
        assertEquals(-0.02 + 4.302653 * 0.01 / Math.sqrt(3), row.high(), 1e-6);
        assertFalse(row.worse(), "worse, but within chance over three seeds");
    }

    @Test
    void aClearWorseningOnAGatedMetricIsWorseAndOnAnUngatedOneIsNot() throws Exception {
        long[] seeds = {1, 2, 3, 4, 5};
        ExperimentResults a = results(seeds, 0.90, 0.91, 0.92, 0.90, 0.91);
        ExperimentResults b = results(seeds, 0.85, 0.855, 0.87, 0.85, 0.86);
        assertTrue(accuracy(ResultsComparison.compare(a, b, Set.of("accuracy"))).worse());
        assertFalse(accuracy(ResultsComparison.compare(a, b, Set.of("roc_auc"))).worse(), "accuracy is not gated");
        assertFalse(accuracy(ResultsComparison.compare(b, a, Set.of("accuracy"))).worse(), "B better is not worse");
    }

    @Test
    void suitesAreComparedBlockByBlockWithHolmOverEveryBlock() throws Exception {
        long[] seeds = {1, 2, 3, 4, 5};
        Map<String, ExperimentResults> a = Map.of("sea/default", results(seeds, 0.90, 0.91, 0.92, 0.90, 0.91),
                "rbf/default", results(seeds, 0.70, 0.71, 0.72, 0.70, 0.71));
        Map<String, ExperimentResults> b = Map.of("sea/default", results(seeds, 0.90, 0.91, 0.92, 0.90, 0.91),
                "rbf/default", results(seeds, 0.60, 0.605, 0.62, 0.60, 0.61), "only-in-b/default",
                results(seeds, 0.1, 0.1, 0.1, 0.1, 0.1));
        List<ResultsComparison.Row> rows = ResultsComparison.compareBlocks(a, b, Set.of("accuracy")).stream()
                .filter(r -> r.metric().equals("accuracy")).toList();
        assertEquals(2, rows.size(), "the blocks in both");
        for (ResultsComparison.Row r : rows) {
            assertEquals(r.block().equals("rbf/default"), r.worse(), r.toString());
        }
        assertEquals("block", ResultsComparison.table(rows).get(0)[0]);
    }

    @Test
    void unpairedSeedsGiveWelchsTest() throws Exception {
        ExperimentResults a = results(new long[] {1, 2, 3}, 0.90, 0.91, 0.92);
        ExperimentResults b = results(new long[] {7, 8, 9, 10}, 0.90, 0.91, 0.92, 0.91);
        ResultsComparison.Row row = accuracy(ResultsComparison.compare(a, b, Set.of("accuracy")));
        assertEquals("Welch t", row.test());
        assertEquals(0.0, row.difference(), 1e-12);
        assertEquals(1.0, row.pValue(), 1e-9, "the same mean");
    }

    @Test
    void singleRunsOfTheSameEventsGiveMcNemar() throws Exception {
        ExperimentResults golden = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, dir));
        ResultsComparison.Row same = ResultsComparison.compare(golden, golden, Set.of("accuracy")).stream()
                .filter(r -> r.metric().equals("accuracy") && r.strategy().equals("online")).findFirst().orElseThrow();
        assertEquals("McNemar", same.test());
        assertEquals(1.0, same.pValue(), 1e-12, "no discordant event");
        assertFalse(same.worse());
        List<String[]> table = ResultsComparison.table(ResultsComparison.compare(golden, golden, Set.of("accuracy")));
        assertEquals("verdict", table.get(0)[9]);
    }

    private static ResultsComparison.Row accuracy(List<ResultsComparison.Row> rows) {
        return rows.stream().filter(r -> r.metric().equals("accuracy")).findFirst().orElseThrow();
    }

    private ExperimentResults results(long[] seeds, double... accuracy) throws Exception {
        Path copy = java.nio.file.Files.createTempDirectory(dir, "g");
        ExperimentResults golden = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, copy));
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < accuracy.length; i++) {
            PrequentialResult p = new PrequentialResult(100, Map.of("accuracy", accuracy[i], "roc_auc", 0.9),
                    Map.of(), 0, 0, new long[][] {{1}}, List.of());
            runs.add(new RunResult(i, Seeds.derive(seeds[i]), golden.produce(), List.of(new StrategyResult("online", null,
                    null, null, p, null, null, null, null, null, null)), 0, 0, 0, 0));
        }
        return new ExperimentResults(golden.schemaVersion(), golden.runId(), golden.startedAt(), golden.finishedAt(),
                golden.scenario(), golden.schema(), golden.kafka(), golden.environment(), runs, golden.summary());
    }
}
