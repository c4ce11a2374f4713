package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.producer.SourceProducer;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.results.ExperimentResults;
import dev.tributary.reports.ReportWriter;
import dev.tributary.reports.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary run}: a whole scenario in this process.
 */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Run a scenario in this process: produce its source to Kafka, train each strategy from the "
                + "train topic, score them on the test topic, write results.json and print the table.",
                "Without --bootstrap-servers an embedded Kafka broker is started for the run."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where results.json and the models go.")
    Path output = StageCommands.DEFAULT_OUTPUT;

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        // The input first: a missing file or a bad header is reported before any broker starts or is dialled.
        SourceProducer.schema(config);
        StageCommands.requireWritable("--output", output);
        try (KafkaOptions.Session session = kafka.openOrEmbed()) {
            ExperimentResults results = new ExperimentRunner(session.connection(), session.embedded() != null, config,
                    output, ConsoleProgress.forTerminal()).run();
            PrintWriter out = spec.commandLine().getOut();
            out.println(config.name() + ": " + config.description());
            out.print(ResultsTable.render(results));
            out.println();
            ReportWriter.write(results, output);
            out.println("results: " + output.resolve(ExperimentRunner.RESULTS_FILE));
            out.println("report:  " + output.resolve(ReportWriter.INDEX));
        }
        return 0;
    }
}
