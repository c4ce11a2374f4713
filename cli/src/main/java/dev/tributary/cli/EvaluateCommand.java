package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.evaluation.Environment;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.evaluation.HoldoutEvaluator;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.HoldoutResult;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.producer.SourceProducer;
import dev.tributary.reports.ResultsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tributary evaluate}: scores saved models on the test topic.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Score saved models on <name>-test, print the table and write <output>/results.json.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where results.json goes, and where models are looked for without --model.")
    Path output = StageCommands.DEFAULT_OUTPUT;

    @Option(names = "--model", paramLabel = "STRATEGY=FILE",
            description = "A model to score, by strategy name. Repeatable. "
                    + "Default: batch and online from <output>/models/.",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Map<String, Path> modelFiles = new LinkedHashMap<>();

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        StageCommands.requireWritable("--output", output);
        KafkaConnection connection = StageCommands.cluster(kafka, "evaluate", config);
        Map<String, Path> files = new LinkedHashMap<>(modelFiles);
        if (files.isEmpty()) {
            files.put(Strategy.BATCH.key(), StageCommands.modelFile(output, Strategy.BATCH));
            files.put(Strategy.ONLINE.key(), StageCommands.modelFile(output, Strategy.ONLINE));
        }
        Map<String, ModelArtifact> models = new LinkedHashMap<>();
        files.forEach((strategy, file) -> models.put(strategy, ModelCodec.read(file)));
        String started = Instant.now().toString();
        Schema schema = SourceProducer.schema(config);
        Map<String, HoldoutResult> holdout = new HoldoutEvaluator(connection,
                new StageTopics(config.topics().test(), config.deadLetterTopic(HoldoutEvaluator.STAGE), null), schema,
                config.stream().maxPollRecords())
                .evaluateModels(models, ConsoleProgress.forTerminal());
        List<StrategyResult> strategies = new ArrayList<>();
        models.forEach((strategy, model) -> strategies.add(new StrategyResult(strategy, model.metadata(), null,
                holdout.get(strategy), null, null, null, null, null, null, null)));
        List<RunResult> runs = List.of(new RunResult(0, null, null, strategies, 0, Double.NaN, 0, 0));
        ExperimentResults results = new ExperimentResults(ExperimentResults.SCHEMA_VERSION,
                config.name() + "-evaluate-" + started, started, Instant.now().toString(), null, schema,
                new KafkaInfo(false, connection.describe()), Environment.capture(), runs, Map.of());
        Path file = output.resolve(ExperimentRunner.RESULTS_FILE);
        ResultsFile.write(results, file);
        spec.commandLine().getOut().print(ResultsTable.render(results));
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("results: " + file);
        return 0;
    }
}
