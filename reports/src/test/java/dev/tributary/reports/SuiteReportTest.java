package dev.tributary.reports;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.SuiteCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteReportTest {

    @Test
    void aGridDrawsQualityAgainstEachCostAsTheSettingVaries(@TempDir Path dir) throws Exception {
        ExperimentResults golden = ResultsFile.read(GoldenResults.copy(GoldenResults.V6, dir));
        List<SuiteReport.CellResult> cells = new ArrayList<>();
        int index = 0;
        for (int miniBatch : new int[] {10, 100}) {
            for (long seed : new long[] {1, 2}) {
                cells.add(new SuiteReport.CellResult(new SuiteCell("g", index++, "sea-abrupt",
                        "sea-abrupt/stream.mini-batch=" + miniBatch, Map.of("stream.mini-batch", miniBatch), seed), golden));
            }
        }
        Path out = dir.resolve("report");
        String md = SuiteReport.write(cells, out);
        for (String cost : new String[] {"sustainable_events_per_second", "latency_p99_ms", "freshness_p50_events"}) {
            assertTrue(Files.exists(out.resolve("grid-sea-abrupt-" + cost + ".png")), cost);
            assertTrue(md.contains("grid-sea-abrupt-" + cost + ".png"), md);
        }
        assertTrue(md.contains("2 blocks"), md);
        // The same results in both blocks: every strategy ties with itself, so the ranks are those of one block.
        assertTrue(md.contains("Friedman's test"), md);
        // McNemar within a block pools its seeds: the golden run's 5 and 19 discordant events, twice.
        assertTrue(md.contains("| sea-abrupt/stream.mini-batch=10 | batch | periodic-retrain | 10 | 38 |"), md);
        assertTrue(Files.readAllLines(out.resolve(TidyCsv.CURVES)).get(0).startsWith("suite,cell,block,run_id,"));
        List<String> csv = Files.readAllLines(out.resolve(SuiteReport.CSV));
        long accuracyRows = csv.stream().filter(l -> l.contains(",accuracy,")).count();
        assertEquals(4L * golden.strategies().size(), accuracyRows, "a row per cell x strategy");
    }
}
