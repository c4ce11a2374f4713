package dev.tributary.cli;

import dev.tributary.common.config.SuiteConfig;
import dev.tributary.evaluation.suite.SuiteRunner;
import dev.tributary.reports.SuiteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tributary suite FILE}: every cell of a suite (scenario × grid point × seed), each into a
 * directory of its own, then the suite's report; {@code suite report DIR...} re-renders it from
 * the cells found under one or more directories (a sharded suite's, merged).
 */
@Command(name = "suite", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Run a suite: every cell (scenario x grid point x seed) of a suite file, one after another, "
                + "each into <output>/<scenario>/<point>/seed-<s>/ with its results.json, then write the suite report "
                + "(summary.md, index.html, critical-difference diagrams, suite.csv) into <output>.",
                "Resumable: a cell whose results.json is complete is not run again. Every cell's scenario is validated "
                        + "before the first runs. Without --bootstrap-servers an embedded Kafka broker is started."},
        subcommands = SuiteCommand.Report.class)
final class SuiteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    KafkaOptions kafka;

    @Parameters(index = "0", paramLabel = "FILE", arity = "0..1", description = "The suite file (YAML).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the cells and the report go.")
    Path output = Path.of("tributary-output", "suite");

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (0 <= I < N): the cells whose "
            + "index is I modulo N. Merge the shards' directories with `suite report`.")
    String shard = "0/1";

    @Override
    public Integer call() {
        if (file == null) {
            throw new dev.tributary.common.config.ConfigException("FILE", "missing", "a suite file (see suites/quick.yaml)");
        }
        SuiteConfig suite = SuiteConfig.load(file);
        SuiteRunner.Shard share = SuiteRunner.Shard.parse(shard);
        // Every cell is bound before the broker starts: a bad suite fails at once, naming its key.
        suite.cells();
        StageCommands.requireWritable("--output", output);
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaOptions.Session session = kafka.openOrEmbed()) {
            SuiteRunner.Outcome outcome = new SuiteRunner(session.connection(), session.embedded() != null, suite, output,
                    share, ConsoleProgress.forTerminal()).run();
            out.printf("suite %s: %d cells (%d run now, %d already complete)%n", suite.name(), outcome.cells(),
                    outcome.ran(), outcome.skipped());
        }
        SuiteReport.write(SuiteReport.find(List.of(output)), output);
        out.println("report: " + output.resolve("index.html"));
        return 0;
    }

    /** {@code tributary suite report DIR...}. */
    @Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true,
            description = "Write the suite report from the cells found under the directories (a suite's, or each "
                    + "shard's), running nothing.")
    static final class Report implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories holding the suite's cells.")
        List<Path> directories;

        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the report goes.")
        Path output = Path.of("tributary-output", "suite-report");

        @Override
        public Integer call() {
            List<SuiteReport.CellResult> cells = SuiteReport.find(directories);
            SuiteReport.write(cells, output);
            spec.commandLine().getOut().printf("%d cells; report: %s%n", cells.size(), output.resolve("index.html"));
            return 0;
        }
    }
}
