package dev.tributary.cli;

import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.producer.SourceProducer;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.ScoringTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tributary score}: the Kafka Streams scorer as its own long-running process.
 */
@Command(name = "score", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Score an events topic with the latest model of a strategy (read from <name>-models as it "
                + "changes) and write <name>-predictions: predicted class, probability, model version, event time, "
                + "scoring time. Runs until SIGTERM/Ctrl-C.",
                "Instances started with the same --application-id share the events topic's partitions."})
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Whose models to serve.")
    String strategy = "online";

    @Option(names = "--input", paramLabel = "TOPIC", description = "The events topic (default: <name>-events).")
    String input;

    @Option(names = "--application-id", paramLabel = "ID", description = "Streams application id (default: <name>-scorer-<strategy>).")
    String applicationId;

    @Option(names = "--max-batch", paramLabel = "ROWS", description = "The largest micro-batch scored in one network call.")
    int maxBatch = ModelScorer.Settings.DEFAULT_MAX_BATCH;

    @Option(names = "--flush-interval-ms", paramLabel = "MS", description = "How long a partial micro-batch may wait.")
    long flushIntervalMs = ModelScorer.Settings.DEFAULT_FLUSH_INTERVAL_MS;

    @Option(names = "--exactly-once", description = "Kafka Streams exactly_once_v2 instead of at-least-once.")
    boolean exactlyOnce;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            description = "How often the scorer commits. At least once, a crash re-scores up to this much of the "
                    + "events (duplicate predictions, which evaluate-served counts and drops); exactly once, it is the "
                    + "transaction length and adds to latency. Default: 1000 at least once, 100 exactly once.",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Long commitIntervalMs;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams' state directory.")
    Path stateDir = Path.of("tributary-output", "streams");

    @Override
    public Integer call() throws Exception {
        ScenarioConfig config = scenario.load();
        var topics = new ScoringTopology.ScoringTopics(input != null ? input : config.eventsTopic(),
                config.modelsTopic(), config.names().predictions(), config.deadLetterTopic(ModelScorer.STAGE));
        spec.commandLine().getOut().printf("scoring %s with %s models from %s into %s%n", topics.events(), strategy,
                topics.models(), topics.predictions());
        // Checked before the cluster is dialled: a bad --max-batch is a usage error, not a dead stream thread.
        ModelScorer.Settings settings = new ModelScorer.Settings(applicationId != null ? applicationId
                : config.names().scorerApplicationId(strategy), strategy, topics, maxBatch, flushIntervalMs, exactlyOnce,
                stateDir, config.labels().joined(), commitIntervalMs != null ? commitIntervalMs
                : ModelScorer.Settings.defaultCommitIntervalMs(exactlyOnce));
        // Started inside the call that owns it: closed (commit, leave the group) however it ends.
        StageCommands.serveUntilStopped("score", ModelScorer.start(StageCommands.cluster(kafka, "score", config),
                SourceProducer.schema(config), settings), s -> StageCommands.streamsFailure("scorer", s.state()),
                s -> spec.commandLine().getOut().printf(
                "stopped: %d model versions served, %d rejected%n", s.serving().swaps(), s.serving().rejected()));
        return 0;
    }
}
