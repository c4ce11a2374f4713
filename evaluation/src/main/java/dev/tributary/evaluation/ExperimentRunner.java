package dev.tributary.evaluation;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;
import dev.tributary.common.provenance.EnvironmentInfo;
import dev.tributary.evaluation.cost.HeapMonitor;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.HoldoutResult;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.LearningCurvePoint;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.StrategyResult;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.model.learn.Learner;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.evaluation.strategy.Learners;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.producer.SourceProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario in this process, through Kafka at every step, once per repetition, and
 * writes results.json with every repetition's measures and their summary.
 *
 * <ul>
 * <li>Holdout: the producer writes the train and test topics; the strategies learn the train
 * topic in offset order ({@code batch} all of it, {@code warm-start} and
 * {@code periodic-retrain} the history in batch, the rest incrementally); the online model is
 * scored on the test topic every few polls (the learning curve), and every final model at the
 * end.</li>
 * <li>Prequential: the producer writes one time-ordered events topic, concurrently for a
 * generated stream (so latency is measured as the stream arrives), and every event after the
 * history is predicted by every strategy before any strategy learns from it.</li>
 * </ul>
 *
 * <p>Output, under the output directory: {@value #RESULTS_FILE}, and each neural strategy's final
 * model under {@code models/<strategy>.model} (the last repetition's).
 */
public final class ExperimentRunner {

    /** The results file's name in the output directory. */
    public static final String RESULTS_FILE = "results.json";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final KafkaConnection connection;
    private final boolean embedded;
    private final ScenarioConfig scenario;
    private final Path outputDir;
    private final ProgressListener progress;

    /**
     * @param connection the cluster
     * @param embedded   whether it is the in-process broker (recorded with the results)
     * @param scenario   the run
     * @param outputDir  where results.json and the models go
     * @param progress   hears how far the producer has come
     */
    public ExperimentRunner(KafkaConnection connection, boolean embedded, ScenarioConfig scenario, Path outputDir,
                            ProgressListener progress) {
        this.connection = connection.withDefaults(scenario.kafka().properties());
        this.embedded = embedded;
        this.scenario = scenario;
        this.outputDir = outputDir;
        this.progress = progress;
    }

    /**
     * @return the results, also written to {@code <output>/results.json}
     * @throws TributaryException if the topics already hold data, or a stage fails
     */
    public ExperimentResults run() {
        Instant started = Instant.now();
        String runId = scenario.name() + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(started);
        Schema schema = SourceProducer.schema(scenario);
        List<RunResult> runs = new ArrayList<>();
        for (int r = 0; r < scenario.repetitions(); r++) {
            ScenarioConfig repetition = scenario.repetition(r);
            LOG.info("Repetition {}/{} of {} ({} protocol, seed {})", r + 1, scenario.repetitions(), scenario.name(),
                    scenario.protocol().key(), repetition.seed());
            runs.add(runOnce(r, repetition, schema));
        }
        ExperimentResults results = new ExperimentResults(ExperimentResults.SCHEMA_VERSION, runId, started.toString(),
                Instant.now().toString(), scenario, schema, new KafkaInfo(embedded, connection.describe()),
                Environment.capture(), runs, RepetitionSummary.of(runs));
        ResultsFile.write(results, outputDir.resolve(RESULTS_FILE));
        LOG.info("Results written to {}", outputDir.resolve(RESULTS_FILE));
        return results;
    }

    private RunResult runOnce(int r, ScenarioConfig run, Schema schema) {
        TopicsConfig topics = run.topics();
        requireFreshTopics(run);
        LearnerConfig config = LearnerConfig.of(run, schema);
        Map<Strategy, Learner> strategies = new LinkedHashMap<>();
        for (Strategy strategy : run.strategies()) {
            strategies.put(strategy, Learners.create(strategy, config));
        }
        // Topics exist before anyone reads them: the prequential consumer starts while the producer is still starting.
        SourceProducer.createTopics(connection, topics);
        try (HeapMonitor heap = HeapMonitor.start()) {
            RunResult result = run.protocol() == Protocol.PREQUENTIAL
                    ? prequential(r, run, schema, strategies, heap)
                    : holdout(r, run, schema, strategies, heap);
            saveModels(result, strategies);
            return result;
        }
    }

    private RunResult holdout(int r, ScenarioConfig run, Schema schema, Map<Strategy, Learner> strategies,
                              HeapMonitor heap) {
        TopicsConfig topics = run.topics();
        LOG.info("Producing {} to {} and {}", run.source().describe(), topics.train(), topics.test());
        ProduceResult produced = SourceProducer.forScenario(connection, run, progress).produce();
        long train = produced.trainRecords();
        long history = Math.round(train * run.evaluation().historyFraction());
        Map<Strategy, Long> historyOf = new LinkedHashMap<>();
        strategies.keySet().forEach(s -> historyOf.put(s, s == Strategy.BATCH ? train : history));

        HoldoutEvaluator testTopic = new HoldoutEvaluator(connection,
                new StageTopics(topics.test(), run.deadLetterTopic(HoldoutEvaluator.STAGE), null), schema,
                run.stream().maxPollRecords());
        List<LearningCurvePoint> curve = new ArrayList<>();
        Learner online = strategies.get(Strategy.ONLINE);
        long updates = Math.max(1, (train + run.stream().miniBatch() - 1) / run.stream().miniBatch());
        int every = run.evaluation().holdoutCurveEvery() > 0 ? run.evaluation().holdoutCurveEvery()
                : (int) Math.max(1, updates / EvaluationConfig.HOLDOUT_CURVE_POINTS);
        int[] updated = {0};
        LOG.info("Training {} on {} ({} events, history {})", run.strategies(), topics.train(), train, history);
        StrategyDriver.Run driven = new StrategyDriver(connection, run.stageTopics(StrategyDriver.STAGE), schema,
                run.stream().maxPollRecords(), run.evaluation(), false)
                .run(strategies, historyOf, train, null, (strategy, learner) -> {
                    // A point every few of the online model's updates: at fixed stream positions.
                    if (learner == online && ++updated[0] % every == 0) {
                        HoldoutResult point = testTopic.evaluate(Map.of(Strategy.ONLINE.key(), online::predict), false)
                                .get(Strategy.ONLINE.key());
                        curve.add(new LearningCurvePoint(online.incorporated(), point.metric("accuracy"),
                                point.metric("log_loss")));
                    }
                });

        LOG.info("Scoring {} on {}", run.strategies(), topics.test());
        Map<String, Predictor> predictors = new LinkedHashMap<>();
        strategies.forEach((s, learner) -> predictors.put(s.key(), learner::predict));
        Map<String, HoldoutResult> scores = testTopic.evaluate(predictors, true);
        if (online != null) {
            curve.add(new LearningCurvePoint(online.incorporated(), scores.get(Strategy.ONLINE.key()).metric("accuracy"),
                    scores.get(Strategy.ONLINE.key()).metric("log_loss")));
        }
        List<StrategyResult> results = new ArrayList<>();
        driven.outcomes().forEach((s, o) -> results.add(new StrategyResult(s.key(), metadata(run, schema, o.learner()),
                training(s, topics.train(), o), scores.get(s.key()), null,
                s == Strategy.ONLINE ? curve : null, o.latency(), null, o.cost())));
        return new RunResult(r, run.seeds(), produced, results, driven.wallTimeMs(),
                driven.events() * 1000.0 / Math.max(1, driven.wallTimeMs()), heap.peakAfterGcBytes(), heap.sample());
    }

    private RunResult prequential(int r, ScenarioConfig run, Schema schema, Map<Strategy, Learner> strategies,
                                  HeapMonitor heap) {
        TopicsConfig topics = run.topics();
        SourceProducer producer = SourceProducer.forScenario(connection, run, progress);
        ProduceResult produced;
        StrategyDriver.Run driven;
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "producer"));
        try {
            long events;
            Future<ProduceResult> concurrent = null;
            if (run.source().generated()) {
                // The stream is produced while it is scored, so latency is that of events arriving.
                events = run.source().events();
                concurrent = executor.submit(producer::produce);
            } else {
                // A data set's row count is known only once it is parsed: produce it first. Its
                // latencies then include the time the topic waited to be read.
                events = producer.produce().trainRecords();
            }
            long history = Math.round(events * run.evaluation().historyFraction());
            Map<Strategy, Long> historyOf = new LinkedHashMap<>();
            strategies.keySet().forEach(s -> historyOf.put(s, history));
            LOG.info("Prequential over {} ({} events, history {}): {}", topics.train(), events, history, run.strategies());
            driven = new StrategyDriver(connection, run.stageTopics(StrategyDriver.STAGE), schema,
                    run.stream().maxPollRecords(), run.evaluation(), true)
                    .run(strategies, historyOf, events, concurrent, (s, learner) -> { });
            produced = concurrent != null ? concurrent.get() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new TributaryException(e.getCause().toString(), e);
        } finally {
            executor.shutdownNow();
        }
        if (produced == null) {
            produced = new ProduceResult(run.name(), driven.events() + driven.rejected(), driven.events(), 0,
                    driven.rejected(), 0, Map.of(), List.of(), topics.train(), topics.test(), topics.deadLetter(), 0);
        }
        List<StrategyResult> results = new ArrayList<>();
        driven.outcomes().forEach((s, o) -> results.add(new StrategyResult(s.key(), metadata(run, schema, o.learner()),
                training(s, topics.train(), o), null, o.prequential(), null, o.latency(), o.freshness(), o.cost())));
        return new RunResult(r, run.seeds(), produced, results, driven.wallTimeMs(),
                driven.events() * 1000.0 / Math.max(1, driven.wallTimeMs()), heap.peakAfterGcBytes(), heap.sample());
    }

    private static TrainingSummary training(Strategy strategy, String topic, StrategyDriver.Outcome o) {
        return new TrainingSummary(strategy.key(), topic, List.<OffsetRange>of(), o.recordsLearned(), 0,
                o.learner().gradientSteps(), 0, o.cost().wallTimeMs(), o.cost().cpuTimeMs());
    }

    /** @return the learner's model provenance, or null for a reference learner, which has no model */
    private static ModelMetadata metadata(ScenarioConfig run, Schema schema, Learner learner) {
        if (!(learner instanceof ModelLearner)) {
            return null;
        }
        return new ModelMetadata(learner.strategy().key(), 1, learner.incorporated(), run.topics().train(), Map.of(),
                System.currentTimeMillis(), run.model(), schema.numFeatures(), schema.numClasses(), run.seeds().model());
    }

    /** Saves each neural strategy's final model, with the provenance its result records. */
    private void saveModels(RunResult result, Map<Strategy, Learner> strategies) {
        strategies.forEach((strategy, learner) -> {
            if (learner instanceof ModelLearner model) {
                ModelArtifact artifact = model.artifact(result.strategy(strategy.key()).model());
                ModelCodec.write(artifact, outputDir.resolve("models").resolve(strategy.key() + ".model"));
            }
        });
    }

    /**
     * A run counts records through Kafka exactly, so its topics must start empty; on an external
     * cluster, leftovers of an earlier run would be trained on twice.
     */
    private void requireFreshTopics(ScenarioConfig run) {
        TopicsConfig topics = run.topics();
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            for (String topic : List.of(topics.train(), topics.test(), topics.deadLetter(),
                    run.deadLetterTopic(StrategyDriver.STAGE), run.deadLetterTopic(HoldoutEvaluator.STAGE))) {
                long records = admin.exists(topic) ? admin.recordCount(topic) : 0;
                if (records > 0) {
                    throw new TributaryException("topic " + topic + " already holds " + records + " records; a run "
                            + "needs empty topics: delete them, or rename the scenario with --name");
                }
            }
        }
    }
}
