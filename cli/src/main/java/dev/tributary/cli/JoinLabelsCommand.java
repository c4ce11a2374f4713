package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.serving.LabelJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary join-labels}: a deployment's label joiner as its own long-running process,
 * for a scenario whose labels come late.
 */
@Command(name = "join-labels", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Labels that come late (--label-delay-events, --label-delay-ms): join each label on "
                + "<name>-labels to its event on <name>-events within the horizon (on the stream's schedule) and write "
                + "the labelled events to <name>-labelled, which train-batch, train-periodic and train-stream then read. "
                + "A Kafka Streams application; runs until SIGTERM/Ctrl-C."})
final class JoinLabelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams' state directory.")
    Path stateDir = Path.of("tributary-output", "label-joiner");

    @Override
    public Integer call() throws Exception {
        ScenarioConfig config = scenario.load();
        LabelJoiner.Settings settings = LabelJoiner.Settings.of(config, stateDir);
        spec.commandLine().getOut().printf("joining %s to %s within %d ms into %s%n", settings.labels(),
                settings.events(), settings.window().toMillis(), settings.labelled());
        StageCommands.serveUntilStopped("join-labels", LabelJoiner.start(StageCommands.cluster(kafka, "join-labels",
                config), settings), j -> StageCommands.streamsFailure("label joiner", j.state()),
                j -> spec.commandLine().getOut().println("stopped"));
        return 0;
    }
}
