package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.PrequentialResult;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.results.stats.McNemar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class McNemarTableTest {

    @Test
    void discordantEventsAreCountedFromEachStrategysCorrectness(@TempDir Path dir) throws Exception {
        // 40 events: a right on the even ones and the first 30 odd ones, b on all but events 0..9.
        BitSet a = new BitSet();
        BitSet b = new BitSet();
        for (int i = 0; i < 40; i++) {
            if (i % 2 == 0 || i < 30) {
                a.set(i);
            }
            if (i >= 10) {
                b.set(i);
            }
        }
        // a only: 0..9 (10 events); b only: the odd ones from 31 to 39 (5 events).
        ExperimentResults results = withStrategies(dir, List.of(strategy("a", a), strategy("b", b), strategy("c", a)));
        assertTrue(McNemarTable.any(results));
        assertArrayEquals(new long[] {10, 5}, McNemarTable.discordant(results, "a", "b"));
        assertArrayEquals(new long[] {0, 0}, McNemarTable.discordant(results, "a", "c"), "the same predictions");

        List<String[]> rows = McNemarTable.rows(results);
        assertEquals(4, rows.size(), "a header and three pairs");
        String[] ab = rows.get(1);
        assertEquals(List.of("a", "b", "10", "5"), List.of(ab).subList(0, 4));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", McNemar.of(10, 5).pValue()), ab[4]);
        assertEquals("no difference found", ab[6], "10 against 5 is within chance");
        assertEquals("1.0000", rows.get(2)[4], "a and c agree on every event");
    }

    @Test
    void aRunWithoutCorrectnessHasNoTable(@TempDir Path dir) throws Exception {
        ExperimentResults results = withStrategies(dir, List.of(strategy("a", null), strategy("b", null)));
        assertFalse(McNemarTable.any(results));
    }

    private static StrategyResult strategy(String name, BitSet correct) {
        PrequentialResult p = new PrequentialResult(40, Map.of("accuracy", 0.5), Map.of("accuracy", 0.5), 0.5, 0,
                new long[][] {{1}}, List.of(), correct == null ? null : PrequentialResult.encodeCorrectness(correct));
        return new StrategyResult(name, null, null, null, p, null, null, null, null, null, null);
    }

    private static ExperimentResults withStrategies(Path dir, List<StrategyResult> strategies) throws Exception {
        ExperimentResults golden = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, dir));
        RunResult run = golden.runs().get(0);
        return new ExperimentResults(golden.schemaVersion(), golden.runId(), golden.startedAt(), golden.finishedAt(),
                golden.scenario(), golden.schema(), golden.kafka(), golden.environment(),
                List.of(new RunResult(0, run.seeds(), run.produce(), strategies, 0, 0, 0, 0)), golden.summary());
    }
}
