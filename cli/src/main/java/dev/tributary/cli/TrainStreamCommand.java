package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.producer.SourceProducer;
import dev.tributary.stream.StreamTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary train-stream}: the streaming learner as its own long-running process.
 */
@Command(name = "train-stream", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Consume <name>-train as a consumer-group member and train as records arrive, in mini-batches "
                + "of --mini-batch events; checkpoint "
                + "to <output>/models/online.model every --checkpoint-every records, then publish the version to "
                + "<name>-models (compacted, keyed by strategy) for scorers, then commit those offsets. Records that are "
                + "not valid examples go to <name>-stream-trainer-dlq with their reason.",
                "One instance trains: the group's first member is given every partition, and another one started "
                        + "in the same group is a standby that trains nothing until the first leaves or its session "
                        + "expires, then resumes from the newest checkpoint (its own file or the latest on <name>-models).",
                "Restarted, it resumes from the checkpoint, unless the checkpoint belongs to another incarnation of "
                        + "the topic (deleted and re-created) or another scenario: then it refuses; delete the checkpoint "
                        + "to start afresh. It stops at --max-records, after --idle-timeout-ms "
                        + "without records, or on SIGTERM/Ctrl-C, writing a final checkpoint first.",
                "With --strategy warm-start it continues from <output>/models/warm-start.model, which must exist: "
                        + "copy there the model `train-batch --max-records <history>` wrote of the stream's history, and "
                        + "it publishes as warm-start."})
final class TrainStreamCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the checkpoint goes (models/online.model).")
    Path output = StageCommands.DEFAULT_OUTPUT;

    @Option(names = "--strategy", paramLabel = "NAME", description = "online, or warm-start (see above).")
    String strategy = Strategy.ONLINE.key();

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        Strategy trained = StageCommands.strategy("--strategy", strategy);
        if (trained != Strategy.ONLINE && trained != Strategy.WARM_START) {
            throw new ConfigException("--strategy", strategy, "online or warm-start");
        }
        Path checkpoint = StageCommands.modelFile(output, trained);
        StageCommands.requireWritable("--output", checkpoint.getParent());
        StreamTrainer trainer = new StreamTrainer(StageCommands.cluster(kafka, "train-stream", config),
                config.trainerTopics(StreamTrainer.STAGE), LearnerConfig.of(config, SourceProducer.schema(config)), checkpoint,
                trained);
        StreamTrainer.Result result = StageCommands.untilStopped("train-stream", trainer::requestStop,
                () -> trainer.run(ConsoleProgress.forTerminal()));
        if (result.artifact() == null) {
            spec.commandLine().getOut().printf("standby: trained on 0 records in this run; another member of group %s "
                    + "trained throughout%n", config.stream().groupId());
            return 0;
        }
        spec.commandLine().getOut().printf("%s: trained on %d records in this run (%d rejected), %d in all; "
                        + "checkpoint version %d at offsets %s: %s%n",
                result.resumed() ? "resumed" : "started", result.summary().recordsTrained(),
                result.summary().recordsRejected(), result.artifact().metadata().recordsSeen(),
                result.artifact().metadata().version(), result.artifact().metadata().nextOffsets(), checkpoint);
        return 0;
    }
}
