package dev.tributary.cli;

import dev.tributary.reports.ReportWriter;
import dev.tributary.reports.ResultsComparison;
import dev.tributary.reports.SuiteReport;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code tributary compare A B}: two results side by side, with tests; exit 4 when B is
 * significantly worse than A on a gated metric, so that CI can compare a branch with main.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Compare two results.json files, or two suite directories block by block (A: the reference, "
                + "e.g. main; B: e.g. a branch): per strategy "
                + "and metric, A's and B's means, B - A with its 95%% interval, and a test (paired t where the "
                + "repetitions' seeds pair up, Welch's t otherwise, McNemar's on the same events for single runs).",
                "Exit 4 when B is significantly worse than A (at 0.05, Holm-corrected) on a --gated metric."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The reference results.json (or suite directory).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The results.json (or suite directory) compared with it.")
    Path b;

    @Option(names = "--gated", paramLabel = "METRIC", split = ",",
            description = "Metrics on which a significant worsening fails the comparison.")
    List<String> gated = List.of("accuracy");

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the table as Markdown here.")
    Path output;

    @Override
    public Integer call() {
        List<ResultsComparison.Row> rows;
        if (java.nio.file.Files.isDirectory(a) && java.nio.file.Files.isDirectory(b)) {
            // Two suites: block by block, each block's seeds its repetitions.
            rows = ResultsComparison.compareBlocks(SuiteReport.byBlock(SuiteReport.find(List.of(a))),
                    SuiteReport.byBlock(SuiteReport.find(List.of(b))), Set.copyOf(gated));
        } else {
            ExperimentResults first = ResultsFile.read(a);
            ExperimentResults second = ResultsFile.read(b);
            rows = ResultsComparison.compare(first, second, Set.copyOf(gated));
        }
        List<String[]> table = ResultsComparison.table(rows);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder md = new StringBuilder("# " + a + " (A) against " + b + " (B)\n\n");
        ReportWriter.markdownTable(md, table);
        out.print(md);
        if (output != null) {
            dev.tributary.common.AtomicFiles.write(output, md.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        long worse = rows.stream().filter(ResultsComparison.Row::worse).count();
        if (worse > 0) {
            out.printf("B is significantly worse than A on %d gated measure(s)%n", worse);
            return TributaryCommand.EXIT_GATE;
        }
        return 0;
    }
}
