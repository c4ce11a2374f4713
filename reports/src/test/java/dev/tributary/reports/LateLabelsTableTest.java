package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.LabelsResult;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LateLabelsTableTest {

    @Test
    void aHoldoutRunHasNoFreshnessAndNoPassOnTime(@TempDir Path dir) throws Exception {
        ExperimentResults golden = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, dir));
        // The v6 run as a holdout run would record it: no freshness, no pass with the labels on time.
        List<StrategyResult> holdout = golden.runs().get(0).strategies().stream().map(s -> {
            LabelsResult l = s.labels();
            return new StrategyResult(s.strategy(), s.model(), s.training(), s.holdout(), s.prequential(),
                    s.learningCurve(), s.latency(), null, s.cost(), s.keepingUp(), null, new LabelsResult(l.delayEvents(),
                    l.horizonEvents(), l.events(), l.learned(), l.ignored(), l.expired(), l.late(), l.freshnessEvents(),
                    l.freshnessMillis(), null, null));
        }).toList();
        RunResult run = golden.runs().get(0);
        ExperimentResults results = new ExperimentResults(golden.schemaVersion(), golden.runId(), golden.startedAt(),
                golden.finishedAt(), golden.scenario(), golden.schema(), golden.kafka(), golden.environment(),
                List.of(new RunResult(run.repetition(), run.seeds(), run.produce(), holdout, run.wallTimeMs(),
                        run.eventsPerSecond(), run.peakHeapBytes(), run.liveHeapBytes())), golden.summary());

        assertTrue(LateLabelsTable.any(results));
        String[] online = LateLabelsTable.rows(results).stream().filter(r -> r[0].equals("online")).findFirst()
                .orElseThrow();
        assertArrayEquals(new String[] {"online", "300", "0.8604", "-", "-", "0.6589", "-", "-", "-", "50", "162",
                "3000", "0", "0", "0"}, online);
    }
}
