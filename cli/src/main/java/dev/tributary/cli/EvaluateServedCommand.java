package dev.tributary.cli;

import dev.tributary.common.config.ConfigException;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.TopicNames;
import dev.tributary.common.data.Schema;
import dev.tributary.common.metrics.MetricId;
import dev.tributary.evaluation.Environment;
import dev.tributary.evaluation.ExperimentRunner;
import dev.tributary.evaluation.deployment.Deployment;
import dev.tributary.evaluation.deployment.ServedEvaluator;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.producer.SourceProducer;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.Percentiles;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.ServedResult;
import dev.tributary.results.StrategyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tributary evaluate-served}: scores what a deployment served, from its predictions and
 * models topics alone (the deployed mode's evaluator, for stages run as separate processes).
 */
@Command(name = "evaluate-served", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Score the predictions a deployment served: read <name>-predictions (written by `score`) and "
                + "<name>-models (written by the trainer stages), join each prediction with its label and with the "
                + "model version that made it, and report quality as served, latency, staleness, publish-to-swap and "
                + "trainer lag. Waits until --events predictions have arrived.",
                "Writes <output>/results.json with the strategy's served result."})
final class EvaluateServedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ScenarioOptions scenario;
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--strategy", paramLabel = "NAME", description = "Whose models the scorer served.")
    String strategy = Strategy.ONLINE.key();

    @Option(names = "--expected-events", paramLabel = "N",
            description = "Predictions to wait for (default: the scenario's events, as `produce` writes them).")
    Long expectedEvents;

    @Option(names = "--history", paramLabel = "N",
            description = "Leading events not scored (default: evaluation.history-fraction of the events).")
    Long history;

    @Option(names = "--stall-timeout-ms", paramLabel = "MS", description = "Fail after this long without a prediction.")
    long stallTimeoutMs = 60_000;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where results.json goes.")
    Path output = StageCommands.DEFAULT_OUTPUT;

    @Override
    public Integer call() {
        ScenarioConfig config = scenario.load();
        Strategy served = StageCommands.strategy("--strategy", strategy);
        if (!Deployment.DEPLOYABLE.contains(served)) {
            throw new ConfigException("--strategy", strategy, "a strategy with a model to serve: " + Deployment.DEPLOYABLE);
        }
        KafkaConnection connection = StageCommands.cluster(kafka, "evaluate-served", config);
        Schema schema = SourceProducer.schema(config);
        long events = expectedEvents != null ? expectedEvents : SourceProducer.trainEvents(config);
        long leading = history != null ? history : Math.round(events * config.evaluation().historyFraction());
        ConfigException.require(events > 0, "--expected-events", events, "a positive count");
        ConfigException.require(leading >= 0 && leading < events, "--history", leading, "0 up to the events");
        TopicNames names = config.names();
        String started = Instant.now().toString();
        ServedResult result = new ServedEvaluator(connection, schema, config.evaluation(),
                new ServedEvaluator.Settings(names.predictions(), names.models(), names.deadLetter(ServedEvaluator.STAGE),
                        served.key(), events, leading, config.stream().maxPollRecords(), stallTimeoutMs,
                        ServedEvaluator.LateLabels.of(config, events))).run();
        StrategyResult strategyResult = new StrategyResult(served.key(), null, null, null, null, null, null, null, null,
                null, result);
        ExperimentResults results = new ExperimentResults(ExperimentResults.SCHEMA_VERSION,
                config.name() + "-evaluate-served-" + started, started, Instant.now().toString(), config, schema,
                new KafkaInfo(false, connection.describe()), Environment.capture(),
                List.of(new RunResult(0, config.seeds(), null, List.of(strategyResult), 0, Double.NaN, 0, 0)), Map.of());
        Path file = output.resolve(ExperimentRunner.RESULTS_FILE);
        ResultsFile.write(results, file);
        print(spec.commandLine().getOut(), served, result);
        spec.commandLine().getOut().println("results: " + file);
        return result.reconciles() ? 0 : TributaryCommand.EXIT_FAILURE;
    }

    private static void print(PrintWriter out, Strategy strategy, ServedResult r) {
        out.printf(Locale.ROOT, "%s as served: %d events, %d predictions (%d duplicates, %d rejected), %d history, "
                        + "%d scored (%d before any model)%n", strategy.key(), r.events(), r.predictions(), r.duplicates(),
                r.rejected(), r.history(), r.evaluated(), r.withoutModel());
        Map<String, Double> quality = r.quality().cumulative();
        out.printf(Locale.ROOT, "  accuracy %.4f, kappa %.4f, kappa-m %.4f, log loss %.4f%n",
                quality.get(MetricId.ACCURACY.key()), quality.get(MetricId.COHEN_KAPPA.key()),
                quality.get(MetricId.KAPPA_M.key()), quality.get(MetricId.LOG_LOSS.key()));
        out.printf(Locale.ROOT, "  latency p50 %s, p99 %s µs; staleness p50 %s, p99 %s events, p50 %s ms%n",
                p(r.latencyMicros(), 50), p(r.latencyMicros(), 99), p(r.stalenessEvents(), 50),
                p(r.stalenessEvents(), 99), p(r.stalenessMillis(), 50));
        out.printf(Locale.ROOT, "  %d of %d model versions served; publish to swap p50 %s ms; trainer lag p50 %s ms%n",
                r.versionsServed(), r.versionsPublished(), p(r.publishToSwapMillis(), 50), p(r.trainerLagMillis(), 50));
    }

    private static String p(Percentiles p, int percentile) {
        return p.count() == 0 ? "-" : Long.toString(percentile == 50 ? p.p50() : p.p99());
    }
}
