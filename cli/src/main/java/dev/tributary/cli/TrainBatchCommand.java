package dev.tributary.cli;

import dev.tributary.batch.BatchTrainer;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.model.ModelCodec;
import dev.tributary.producer.SourceProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary train-batch}: the batch baseline on its own, against a cluster.
 */
@Command(name = "train-batch", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Read <name>-train to its end offsets, train the batch baseline, and save it "
                + "(network, standardisation and provenance) to <output>/models/batch.model and publish it to "
                + "<name>-models for scorers. Records that are not valid examples go to <name>-batch-trainer-dlq with "
                + "their reason.")
final class TrainBatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the model goes (models/batch.model).")
    Path output = StageCommands.DEFAULT_OUTPUT;

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        StageCommands.requireWritable("--output", StageCommands.modelFile(output, Strategy.BATCH).getParent());
        BatchTrainer.Result result = new BatchTrainer(StageCommands.cluster(kafka, "train-batch", config),
                config.trainerTopics(BatchTrainer.STAGE), LearnerConfig.of(config, SourceProducer.schema(config)))
                .train(ConsoleProgress.forTerminal());
        Path file = StageCommands.modelFile(output, Strategy.BATCH);
        ModelCodec.write(result.artifact(), file);
        try (ModelTopic models = ModelTopic.open(StageCommands.cluster(kafka, "train-batch", config), config.modelsTopic(),
                (short) -1)) {
            models.publish(Strategy.BATCH.key(), ModelCodec.encode(result.artifact()));
        }
        spec.commandLine().getOut().printf("trained on %d records (%d rejected) in %d ms: %s%n",
                result.summary().recordsTrained(), result.summary().recordsRejected(), result.summary().wallTimeMs(), file);
        return 0;
    }
}
