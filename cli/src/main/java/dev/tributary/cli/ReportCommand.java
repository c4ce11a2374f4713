package dev.tributary.cli;

import dev.tributary.results.ExperimentResults;
import dev.tributary.results.ResultsFile;
import dev.tributary.reports.ReportWriter;
import dev.tributary.reports.TidyCsv;
import dev.tributary.reports.figures.Figure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tributary report}: re-renders a report from a results file, running nothing.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render index.html (figures, tables, scenario, seeds, environment), summary.md and the "
                + "figures (PNG and SVG) from a results.json, without re-running anything.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULTS", description = "A results.json written by `tributary run`.")
    Path results;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the report goes (default: beside RESULTS).")
    Path output;

    /** What {@code report} writes. */
    enum Format {
        /** index.html, summary.md and the figures. */
        html,
        /** metrics.csv, curves.csv and percentiles.csv, in long (tidy) form. */
        csv
    }

    @Option(names = "--format", paramLabel = "FORMAT", description = "html (the report and its figures) or csv (the "
            + "measures in long form: metrics.csv, curves.csv, percentiles.csv). Default: ${DEFAULT-VALUE}.")
    Format format = Format.html;

    @Override
    public Integer call() {
        ExperimentResults read = ResultsFile.read(results);
        Path dir = output != null ? output : results.toAbsolutePath().getParent();
        if (format == Format.csv) {
            List<Path> files = TidyCsv.write(read, dir);
            files.forEach(f -> spec.commandLine().getOut().println("csv: " + f));
            return 0;
        }
        List<Figure> figures = ReportWriter.write(read, dir);
        spec.commandLine().getOut().printf("report: %s (%d figures), %s%n", dir.resolve(ReportWriter.INDEX),
                figures.size(), dir.resolve(ReportWriter.SUMMARY));
        return 0;
    }
}
