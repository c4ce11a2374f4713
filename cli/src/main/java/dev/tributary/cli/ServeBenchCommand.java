package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.evaluation.Environment;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.performance.ServingBenchmark;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.ServingLoadResult;
import dev.tributary.producer.SourceProducer;
import dev.tributary.reports.ReportWriter;
import dev.tributary.reports.ServingTable;
import dev.tributary.serving.ModelScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tributary serve-bench}: the scorer's latency under load against bare Kafka's.
 */
@Command(name = "serve-bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Measure event -> prediction latency through the scorer at several open-loop rates, side by "
                + "side with Kafka's bare produce -> consume latency at the same rates and settings; write "
                + "results.json and the report, with the overhead of scoring over bare Kafka as a ratio.",
                "Default: the sea-abrupt scenario's generator and model. Without --bootstrap-servers an embedded "
                        + "broker is used."})
final class ServeBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--rates", paramLabel = "EVENTS/S", split = ",", description = "Target rates, events per second.")
    List<Double> rates = List.of(1_000.0, 5_000.0, 20_000.0);

    @Option(names = "--seconds", paramLabel = "S", description = "How long each measurement sends.")
    double seconds = 5;

    @Option(names = "--warmups", paramLabel = "N",
            description = "Unrecorded measurements at the first rate, before the recorded ones: the first measurement "
                    + "in a JVM pays for class loading and JIT.")
    int warmups = 1;

    @Option(names = "--max-batch", paramLabel = "ROWS", description = "The scorer's largest micro-batch.")
    int maxBatch = ModelScorer.Settings.DEFAULT_MAX_BATCH;

    @Option(names = "--flush-interval-ms", paramLabel = "MS",
            description = "How long the scorer's partial micro-batch may wait (as `score --flush-interval-ms`).")
    long flushIntervalMs = ModelScorer.Settings.DEFAULT_FLUSH_INTERVAL_MS;

    @Option(names = "--commit-interval-ms", paramLabel = "MS",
            description = "How often the scorer and the passthrough commit (at least once): `score`'s default unless given.")
    long commitIntervalMs = ModelScorer.Settings.DEFAULT_AT_LEAST_ONCE_COMMIT_MS;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where results.json and the report go.")
    Path output = Path.of("tributary-output", "serving");

    @Override
    public Integer call() {
        // Before the broker starts and the serving model trains, which a bad value would waste.
        ModelScorer.Settings.requireValid(maxBatch, flushIntervalMs, commitIntervalMs);
        ConfigException.require(warmups >= 0, "--warmups", warmups, "0 or more");
        ScenarioConfig config = scenario.loadGenerated(spec.commandLine().getParseResult());
        StageCommands.requireWritable("--output", output);
        String started = Instant.now().toString();
        try (KafkaOptions.Session session = kafka.openOrEmbed()) {
            List<ServingLoadResult> serving = new ServingBenchmark(session.connection(), config,
                    output.resolve("streams"), maxBatch, flushIntervalMs, commitIntervalMs)
                    .run(rates, seconds, warmups, ConsoleProgress.forTerminal());
            ExperimentResults results = new ExperimentResults(ExperimentResults.SCHEMA_VERSION,
                    config.name() + "-serve-bench-" + started, started, Instant.now().toString(), config,
                    SourceProducer.schema(config), new KafkaInfo(session.embedded() != null,
                    session.connection().describe()), Environment.capture(), List.of(), Map.of(), serving);
            ResultsFile.write(results, output.resolve(ExperimentRunner.RESULTS_FILE));
            ReportWriter.write(results, output);
            spec.commandLine().getOut().print(ServingTable.render(serving));
            spec.commandLine().getOut().println("results: " + output.resolve(ExperimentRunner.RESULTS_FILE));
        }
        return 0;
    }
}
