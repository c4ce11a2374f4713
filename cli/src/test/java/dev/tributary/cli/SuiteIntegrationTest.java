package dev.tributary.cli;

import dev.tributary.broker.test.SharedKafka;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.SuiteConfig;
import dev.tributary.evaluation.suite.SuiteRunner;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.reports.SuiteReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.tributary.cli.TributaryCommandTest.tributary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A suite end to end on the embedded broker: every cell runs into its own directory, a second run
 * resumes (runs nothing complete, reruns what is missing), two shards partition the cells, and the
 * shards' directories merged give the same quality tables as the whole suite in one run.
 */
@Tag("integration")
class SuiteIntegrationTest {

    private final KafkaConnection kafka = SharedKafka.connection();

    private SuiteConfig suite(String name) {
        return new SuiteConfig(SharedKafka.unique(name), List.of(
                new SuiteConfig.Entry("sea-abrupt", Map.of("source.events", 600, "source.generator.drift.positions",
                        List.of(300))),
                new SuiteConfig.Entry("rbf-drift", Map.of("source.events", 600))), List.of(1L),
                Map.of("rate.events-per-second", 0, "evaluation.warm-up", false,
                        "strategies", List.of("online", "majority", "no-change")), Map.of());
    }

    @Test
    void aSuiteRunsResumesAndShardsIntoTheSameReport(@TempDir Path dir) throws Exception {
        SuiteConfig suite = suite("suite");
        Path all = dir.resolve("all");
        SuiteRunner.Outcome first = new SuiteRunner(kafka, true, suite, all, SuiteRunner.Shard.ALL, ProgressListener.NONE).run();
        assertEquals(new SuiteRunner.Outcome(2, 2, 0), first);
        SuiteRunner.Outcome again = new SuiteRunner(kafka, true, suite, all, SuiteRunner.Shard.ALL, ProgressListener.NONE).run();
        assertEquals(new SuiteRunner.Outcome(2, 0, 2), again, "every cell complete: none runs again");
        // An interrupted cell has no results.json: only it runs again.
        Files.delete(all.resolve(Path.of("rbf-drift", "default", "seed-1", "results.json")));
        SuiteRunner.Outcome resumed = new SuiteRunner(kafka, true, suite, all, SuiteRunner.Shard.ALL, ProgressListener.NONE).run();
        assertEquals(new SuiteRunner.Outcome(2, 1, 1), resumed);

        // The same suite in two shards, each into a directory of its own (as two machines would).
        SuiteConfig sharded = new SuiteConfig(suite.name() + "-s", suite.scenarios(), suite.seeds(), suite.settings(),
                suite.grid());
        SuiteRunner.Outcome zero = new SuiteRunner(kafka, true, sharded, dir.resolve("shard-0"), new SuiteRunner.Shard(0, 2),
                ProgressListener.NONE).run();
        SuiteRunner.Outcome one = new SuiteRunner(kafka, true, sharded, dir.resolve("shard-1"), new SuiteRunner.Shard(1, 2),
                ProgressListener.NONE).run();
        assertEquals(1, zero.cells());
        assertEquals(1, one.cells());
        List<SuiteReport.CellResult> merged = SuiteReport.find(List.of(dir.resolve("shard-0"), dir.resolve("shard-1")));
        assertEquals(List.of(0, 1), merged.stream().map(c -> c.cell().index()).toList(), "every cell, once");

        String whole = SuiteReport.write(SuiteReport.find(List.of(all)), dir.resolve("report-all"));
        String fromShards = SuiteReport.write(merged, dir.resolve("report-shards"));
        // Quality does not depend on timing, nor on which machine ran a cell: the quality sections agree.
        assertEquals(section(whole, "## accuracy"), section(fromShards, "## accuracy"));
        assertEquals(section(whole, "## Cohen's kappa"), section(fromShards, "## Cohen's kappa"));
        assertTrue(section(whole, "## accuracy").contains("Friedman's test"), whole);
        assertTrue(Files.exists(dir.resolve("report-all").resolve("cd-accuracy.png")));
        List<String> csv = Files.readAllLines(dir.resolve("report-all").resolve(SuiteReport.CSV));
        assertEquals("suite,cell,scenario,block,seed,strategy,measure,value", csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.contains(",rbf-drift/default,1,online,accuracy,")), csv.toString());
    }

    @Test
    void aBadSuiteFileIsRejectedBeforeAnythingRunsNamingTheKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nscenarios: [sea-abrupt]\ngrid: {stream.mini-batch: [10, -1]}\n");
        TributaryCommandTest.Outcome outcome = tributary("suite", file.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains("grid.stream.mini-batch"), outcome.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing ran");
    }

    /** @return the text of a report section, to its next heading */
    private static String section(String md, String heading) {
        int start = md.indexOf(heading);
        int end = md.indexOf("\n## ", start + heading.length());
        return md.substring(start, end < 0 ? md.length() : end);
    }
}
