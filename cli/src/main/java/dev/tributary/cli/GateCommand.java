package dev.tributary.cli;

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
                + TributaryCommand.EXIT_GATE + " when a gate is missed.",
                "--update-baseline rewrites the baseline with these results' values instead: on purpose only."})
final class GateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", arity = "1..*", description = "results.json files to check.")
    List<Path> results;

    @Option(names = "--gates", paramLabel = "FILE", description = "The quality gates.")
    Path gates = Path.of("quality-gates.yaml");

    @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline values drops are measured against.")
    Path baseline = Path.of("quality-baseline.yaml");

    @Option(names = "--update-baseline", description = "Record these results' values as the new baseline.")
    boolean updateBaseline;

    @Override
    public Integer call() {
        List<ExperimentResults> read = results.stream().map(ResultsFile::read).toList();
        QualityGate gate = QualityGate.load(gates, baseline);
        PrintWriter out = spec.commandLine().getOut();
        if (updateBaseline) {
            int count = gate.updateBaseline(read, baseline);
            out.printf("baseline %s: %d values recorded%n", baseline, count);
            return 0;
        }
        List<GateResult> outcomes = gate.check(read);
        out.print(QualityGate.table(outcomes));
        long failed = outcomes.stream().filter(r -> !r.passed()).count();
        if (outcomes.isEmpty()) {
            spec.commandLine().getErr().println("tributary: no gate in " + gates + " applies to these results");
            return TributaryCommand.EXIT_GATE;
        }
        if (failed > 0) {
            spec.commandLine().getErr().printf("tributary: %d of %d quality gates missed%n", failed, outcomes.size());
            return TributaryCommand.EXIT_GATE;
        }
        out.printf("all %d quality gates passed%n", outcomes.size());
        return 0;
    }
}
