package dev.tributary.cli;

import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.ExperimentConfig;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.evaluation.results.ExperimentResults;
import dev.tributary.reports.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary run}: the whole comparison in this process.
 */
@Command(name = "run", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Run the whole comparison in this process: produce the data set to Kafka, train the batch "
                + "baseline and the streaming learner from it, score both on the test topic, write results.json "
                + "and print the table.",
                "Without --bootstrap-servers an embedded Kafka broker is started for the run."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    DatasetOptions dataset;
    @Mixin
    TrainingOptions.Split split;
    @Mixin
    TrainingOptions.Model model;
    @Mixin
    TrainingOptions.Batch batch;
    @Mixin
    TrainingOptions.Stream stream;
    @Mixin
    TrainingOptions.SeedOption seed;
    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where results.json and the models go.")
    Path output = Path.of("tributary-output");

    @Override
    public Integer call() {
        DatasetSpec spec = dataset.spec();
        ExperimentConfig config = new ExperimentConfig(spec, split.config(), dataset.topics(), model.config(),
                batch.config(), stream.config(spec.name()), seed.seeds());
        try (KafkaOptions.Session session = kafka.openOrEmbed()) {
            ExperimentResults results = new ExperimentRunner(session.connection(), session.embedded() != null, config,
                    output).run();
            this.spec.commandLine().getOut().print(ResultsTable.render(results));
            this.spec.commandLine().getOut().println();
            this.spec.commandLine().getOut().println("results: " + output.resolve(ExperimentRunner.RESULTS_FILE));
        }
        return 0;
    }
}
