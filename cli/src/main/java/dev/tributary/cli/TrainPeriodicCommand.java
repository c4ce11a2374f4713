package dev.tributary.cli;

import dev.tributary.batch.PeriodicTrainer;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.producer.SourceProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary train-periodic}: the periodic-retrain strategy as its own long-running
 * process, the nightly job that batch users deploy.
 */
@Command(name = "train-periodic", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Read <name>-train from its beginning as records arrive; every --every records (periodic.every) "
                + "retrain from scratch, as the batch baseline does, on the last periodic.window records, save the model "
                + "to <output>/models/periodic-retrain.model and publish it to <name>-models as a new version. Records "
                + "that are not valid examples go to <name>-periodic-trainer-dlq with their reason.",
                "It joins no consumer group: restarted, it reads the topic again and retrains the same models. It stops "
                        + "at --max-records, after --idle-timeout-ms without records, or on SIGTERM/Ctrl-C."})
final class TrainPeriodicCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where the models go (models/periodic-retrain.model).")
    Path output = StageCommands.DEFAULT_OUTPUT;

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        Path file = StageCommands.modelFile(output, Strategy.PERIODIC_RETRAIN);
        StageCommands.requireWritable("--output", file.getParent());
        PeriodicTrainer trainer = new PeriodicTrainer(StageCommands.cluster(kafka, "train-periodic", config),
                config.trainerTopics(PeriodicTrainer.STAGE), LearnerConfig.of(config, SourceProducer.schema(config)), file);
        PeriodicTrainer.Result result = StageCommands.untilStopped("train-periodic", trainer::requestStop,
                () -> trainer.run(ConsoleProgress.forTerminal()));
        spec.commandLine().getOut().printf("trained %d models on %d records (%d rejected)%s%n",
                result.summary().checkpoints(), result.summary().recordsTrained(), result.summary().recordsRejected(),
                result.artifact() == null ? "; the stream was shorter than one period" : ": " + file);
        return 0;
    }
}
