package dev.tributary.cli;

import dev.tributary.common.TributaryException;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.reports.gate.GateResult;
import dev.tributary.reports.gate.QualityGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tributary gate}: the CI verdict on model quality.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Check results against the quality gates (per scenario, protocol, strategy and metric: a "
                + "floor, min, or for log_loss a ceiling, max; and the largest worsening allowed against the "
                + "baseline). Prints a table; exit code "
                + TributaryCommand.EXIT_GATE + " when a gate is missed, " + TributaryCommand.EXIT_USAGE
                + " when no gate applies to any of the results (a results file no gate applies to is a warning).",
                "--update-baseline rewrites the baseline with these results' values instead: on purpose only."})
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "results.json files to check.")
    List<Path> results;

    @Option(names = "--gates", paramLabel = "FILE", description = "The quality gates (default: quality-gates.yaml "
            + "in this directory or the nearest one above it, the project root).")
    Path gates;

    @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline values drops are measured against "
            + "(default: quality-baseline.yaml beside the gates file).")
    Path baseline;

    @Option(names = "--update-baseline", description = "Record these results' values as the new baseline.")
    boolean updateBaseline;

    @Override
    public Integer call() {
        List<ExperimentResults> read = results.stream().map(ResultsFile::read).toList();
        Path gates = this.gates != null ? this.gates : projectFile(GATES_FILE);
        Path baseline = this.baseline != null ? this.baseline
                : (gates.toAbsolutePath().getParent() == null ? Path.of(BASELINE_FILE)
                        : gates.toAbsolutePath().getParent().resolve(BASELINE_FILE));
        if (this.gates == null && !Files.isRegularFile(gates)) {
            throw new TributaryException("quality gates file not found: no " + GATES_FILE + " in "
                    + Path.of("").toAbsolutePath() + " or any directory above it; pass --gates FILE");
        }
        QualityGate gate = QualityGate.load(gates, baseline);
        PrintWriter out = spec.commandLine().getOut();
        if (updateBaseline) {
            int count = gate.updateBaseline(read, baseline);
            out.printf("baseline %s: %d values recorded%n", baseline, count);
            return 0;
        }
        List<GateResult> outcomes = gate.check(read);
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < read.size(); i++) {
            if (gate.check(List.of(read.get(i))).isEmpty()) {
                ExperimentResults r = read.get(i);
                List<String> mismatches = gate.mismatches(r);
                for (String mismatch : mismatches) {
                    err.println("tributary: warning: " + results.get(i) + " is " + mismatch + "; not checked");
                }
                if (mismatches.isEmpty()) {
                    err.println("tributary: warning: no gate in " + gates + " applies to " + results.get(i) + " (scenario "
                            + (r.scenario() == null ? "unknown" : r.scenario().name() + ", " + r.scenario().protocol().key()
                            + ", " + r.scenario().mode().key()) + ")");
                }
            }
        }
        if (outcomes.isEmpty()) {
            // Not a regression, and not a pass: the gates and the results do not belong together.
            err.println("tributary: no gate in " + gates + " applies to any of these results: nothing was checked");
            return TributaryCommand.EXIT_USAGE;
        }
        out.print(QualityGate.table(outcomes));
        long failed = outcomes.stream().filter(r -> !r.passed()).count();
        if (failed > 0) {
            spec.commandLine().getErr().printf("tributary: %d of %d quality gates missed%n", failed, outcomes.size());
            return TributaryCommand.EXIT_GATE;
        }
        out.printf("all %d quality gates passed%n", outcomes.size());
        return 0;
    }

    static final String GATES_FILE = "quality-gates.yaml";
    static final String BASELINE_FILE = "quality-baseline.yaml";

    /**
     * @param name a file name
     * @return it in the working directory or the nearest directory above that has it (the project
     *         root, when run from inside the project); the working directory's if none has it, so
     *         that the error names the file where it was first looked for
     */
    static Path projectFile(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return Path.of(name);
    }
}
