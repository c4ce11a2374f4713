package dev.tributary.evaluation;

import dev.tributary.common.Futures;
import dev.tributary.batch.BatchLearner;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.EvaluationConfig;
import dev.tributary.common.config.Mode;
import dev.tributary.common.config.Protocol;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.TopicsConfig;
import dev.tributary.common.data.LabelSchedule;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;
import dev.tributary.evaluation.cost.HeapMonitor;
import dev.tributary.results.ExperimentResults;
import dev.tributary.results.HoldoutResult;
import dev.tributary.results.KafkaInfo;
import dev.tributary.results.KeepingUp;
import dev.tributary.results.LearningCurvePoint;
import dev.tributary.results.ResultsFile;
import dev.tributary.results.RunResult;
import dev.tributary.results.ServedResult;
import dev.tributary.evaluation.deployment.Deployment;
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
 * <li>Holdout: the producer writes the train and test topics; each strategy, one after another
 * and with its own consumer, learns the train topic in offset order ({@code batch} all of it,
 * {@code warm-start} and {@code periodic-retrain} the history in batch, the rest incrementally);
 * the online model is scored on the test topic every few of its mini-batches (the learning
 * curve), and every final model at the end.</li>
 * <li>Prequential: by default the strategies run one after another, each in a lane of its own:
 * the source (generated or a data set) is produced at the scenario's rate to the lane's events
 * topic while the strategy consumes it with its own consumer, every event after the history
 * predicted before it is learned; so a strategy's latency, freshness, throughput and CPU are its
 * own. Each lane's stream is the same seeded stream, and quality does not depend on timing, so
 * every quality figure is what one shared stream would give. A second, unrecorded pass over the
 * lane's complete topic measures the strategy's sustainable rate. With
 * {@code evaluation.concurrent} the strategies instead consume one production side by side, each
 * on its own consumer and thread.</li>
 * <li>Deployed ({@code mode: deployed}, prequential only): after the lanes, each neural strategy is
 * deployed on topics of its own, one after another (see {@link Deployment}), and what its scorer
 * served is recorded beside its ideal as {@code served}.</li>
 * </ul>
 *
 * <p>Unless {@code evaluation.warm-up} is false, a short unrecorded run comes first
 * ({@link ScenarioConfig#warmUp()}), so that no recorded repetition measures a cold JVM; time to
 * first model and first prediction are still reported, as the cold-start figures of each lane.
 *
 * <p>Output, under the output directory: {@value #RESULTS_FILE}, and each neural strategy's final
 * model under {@code models/<strategy>.model} (the last repetition's).
 */
public final class ExperimentRunner {

    /** The stage named in the dead letters of the sustainable-rate pass over a lane's topic. */
    static final String BACKLOG_STAGE = "experiment-backlog";
    /** The results file's name in the output directory. */
    public static final String RESULTS_FILE = "results.json";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRunner.class);

    private final KafkaConnection connection;
    private final boolean embedded;
    private final ScenarioConfig scenario;
    private final Path outputDir;
    private final ProgressListener progress;
    /** Whether the unrecorded warm-up is running: its production is not reported, its models not saved. */
    private boolean warmingUp;

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
        LearnerConfig.of(scenario, schema); // a network too large for this schema fails here, not after producing
        // Before the warm-up spends time: a scenario whose topics hold data is refused as such.
        requireEmptyTopics(scenario.repetition(0));
        if (scenario.evaluation().warmUp()) {
            // Unrecorded: so that no recorded repetition pays for class loading and the JIT alone.
            ScenarioConfig warmUp = scenario.warmUp();
            LOG.info("Warm-up: {} events of {} through {}, not recorded", warmUp.source().events(),
                    warmUp.source().describe(), warmUp.strategies());
            warmingUp = true;
            try {
                runOnce(-1, warmUp, SourceProducer.schema(warmUp));
            } finally {
                warmingUp = false;
            }
        }
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
        if (run.protocol() == Protocol.PREQUENTIAL && !run.evaluation().concurrent()) {
            run.strategies().forEach(s -> requireFreshTopics(run.lane(s)));
        }
        deployed(run).forEach(s -> requireFreshTopics(run.deployment(s), run.deployment(s).names().models(),
                run.deployment(s).names().predictions(), run.deployment(s).names().labelled()));
        LearnerConfig config = LearnerConfig.of(run, schema);
        Map<Strategy, Learner> strategies = new LinkedHashMap<>();
        for (Strategy strategy : run.strategies()) {
            strategies.put(strategy, Learners.create(strategy, config));
        }
        if (run.protocol() != Protocol.PREQUENTIAL) {
            SourceProducer.createTopics(connection, run);
        }
        try (HeapMonitor heap = HeapMonitor.start()) {
            RunResult result = run.protocol() == Protocol.PREQUENTIAL
                    ? prequential(r, run, schema, strategies, heap)
                    : holdout(r, run, schema, strategies, heap);
            if (!warmingUp) {
                saveModels(result, strategies);
            }
            return result;
        }
    }

    private RunResult holdout(int r, ScenarioConfig run, Schema schema, Map<Strategy, Learner> strategies,
                              HeapMonitor heap) {
        TopicsConfig topics = run.topics();
        LOG.info("Producing {} to {} and {}", run.source().describe(), topics.train(), topics.test());
        ProduceResult produced = SourceProducer.forScenario(connection, run, progressOf()).produce();
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
        // Each strategy learns the train topic with its own consumer, one after another, so that its
        // timing is its own.
        Map<Strategy, StrategyDriver.Outcome> outcomes = new LinkedHashMap<>();
        long wallMs = 0;
        ProgressListener progress = progressOf();
        for (Map.Entry<Strategy, Learner> e : strategies.entrySet()) {
            // Training is most of a holdout run: each strategy shows how many of the train events its
            // model has taken in (a batch model takes them all at once, at the end of its history).
            progress.start("training " + e.getKey().key() + " on " + topics.train(), train);
            boolean fitShown = e.getValue() instanceof BatchLearner;
            if (e.getValue() instanceof BatchLearner batch) {
                // Its bar would stand still while the history is fitted: once the history is read, the
                // fit gets a bar of its own.
                batch.watchFit(afterReading(progress, train));
            }
            StrategyDriver.Run driven = new StrategyDriver(connection, run.stageTopics(StrategyDriver.STAGE), schema,
                    run.stream().maxPollRecords(), run.evaluation(), false, lateLabels(run, train))
                    .run(e.getValue(), historyOf.get(e.getKey()), train, null, learner -> {
                                if (!fitShown) {
                                    progress.advance(Math.min(train, learner.incorporated()));
                                }
                                // A point every few of the online model's updates: at fixed stream positions.
                                if (learner == online && ++updated[0] % every == 0) {
                                    HoldoutResult point = testTopic.evaluate(Map.of(Strategy.ONLINE.key(),
                                            online::predict), false).get(Strategy.ONLINE.key());
                                    curve.add(new LearningCurvePoint(online.incorporated(), point.metric("accuracy"),
                                            point.metric("log_loss")));
                                }
                            });
            if (!fitShown) {
                progress.advance(train);
                progress.finish();
            }
            outcomes.put(e.getKey(), driven.outcome());
            wallMs += driven.wallTimeMs();
        }

        LOG.info("Scoring {} on {}", run.strategies(), topics.test());
        Map<String, Predictor> predictors = new LinkedHashMap<>();
        strategies.forEach((s, learner) -> predictors.put(s.key(), learner::predict));
        Map<String, HoldoutResult> scores = testTopic.evaluate(predictors, true, progress, produced.testRecords());
        if (online != null) {
            curve.add(new LearningCurvePoint(online.incorporated(), scores.get(Strategy.ONLINE.key()).metric("accuracy"),
                    scores.get(Strategy.ONLINE.key()).metric("log_loss")));
        }
        List<StrategyResult> results = new ArrayList<>();
        outcomes.forEach((s, o) -> results.add(new StrategyResult(s.key(), metadata(run, schema, o.learner()),
                training(s, topics.train(), o), scores.get(s.key()), null,
                s == Strategy.ONLINE ? curve : null, o.latency(), null, o.cost(), null, null, o.labels())));
        return new RunResult(r, run.seeds(), produced, results, wallMs,
                train * strategies.size() * 1000.0 / Math.max(1, wallMs), heap.peakAfterGcBytes(), heap.sample());
    }

    private RunResult prequential(int r, ScenarioConfig run, Schema schema, Map<Strategy, Learner> strategies,
                                  HeapMonitor heap) {
        long events = SourceProducer.trainEvents(run);
        long history = Math.round(events * run.evaluation().historyFraction());
        Map<Strategy, StrategyDriver.Outcome> outcomes = new LinkedHashMap<>();
        Map<Strategy, Double> sustainable = new LinkedHashMap<>();
        ProduceResult produced = null;
        long wallMs = 0;
        if (run.evaluation().concurrent()) {
            // One production of the stream; every strategy on its own consumer, side by side.
            LOG.info("Prequential over {} ({} events, history {}), concurrently: {}", run.topics().train(), events,
                    history, run.strategies());
            Lane lane = runLane(run, schema, strategies, events, history);
            produced = lane.produced();
            outcomes.putAll(lane.outcomes());
            wallMs = lane.wallMs();
            if (run.labels().joined()) {
                LearnerConfig config = LearnerConfig.of(run, schema);
                for (Strategy s : strategies.keySet()) {
                    outcomes.put(s, withoutDelay(run, schema, Learners.create(s, config), events, history, outcomes.get(s)));
                }
            }
        } else {
            // One strategy after another, each against its own production of the same seeded stream at
            // the scenario's rate, so that its latency, freshness, throughput and CPU are its own.
            LearnerConfig config = LearnerConfig.of(run, schema);
            for (Map.Entry<Strategy, Learner> e : strategies.entrySet()) {
                ScenarioConfig laneRun = run.lane(e.getKey());
                LOG.info("Prequential over {} ({} events, history {}): {}", laneRun.topics().train(), events, history,
                        e.getKey());
                Lane lane = runLane(laneRun, schema, Map.of(e.getKey(), e.getValue()), events, history);
                produced = sameStream(produced, lane.produced(), laneRun);
                outcomes.putAll(lane.outcomes());
                wallMs += lane.wallMs();
                sustainable.put(e.getKey(), backlogRate(laneRun, schema, Learners.create(e.getKey(), config), events,
                        history));
                if (run.labels().joined()) {
                    outcomes.put(e.getKey(), withoutDelay(laneRun, schema, Learners.create(e.getKey(), config), events,
                            history, outcomes.get(e.getKey())));
                }
            }
        }
        Map<Strategy, ServedResult> served = new LinkedHashMap<>();
        for (Strategy s : deployed(run)) {
            // One deployment after another, each on topics of its own, so that each one's timing is its own.
            LOG.info("Deployed: {} through its trainer stage, the models topic and the scorer", s);
            served.put(s, new Deployment(connection, run.deployment(s), schema, progressOf()).run(events, history));
        }
        boolean paced = run.rate().eventsPerSecond() > 0;
        List<StrategyResult> results = new ArrayList<>();
        outcomes.forEach((s, o) -> results.add(new StrategyResult(s.key(), metadata(run, schema, o.learner()),
                training(s, run.topics().train(), o), null, o.prequential(), null, o.latency(), o.freshness(), o.cost(),
                new KeepingUp(o.lag(), paced ? KeepingUp.bounded(o.lag()) : null, sustainable.get(s)), served.get(s),
                o.labels())));
        return new RunResult(r, run.seeds(), produced, results, wallMs,
                events * strategies.size() * 1000.0 / Math.max(1, wallMs), heap.peakAfterGcBytes(), heap.sample());
    }

    /** What one production of the stream and its consumers measured. */
    private record Lane(ProduceResult produced, Map<Strategy, StrategyDriver.Outcome> outcomes, long wallMs) {
    }

    /**
     * Produces the lane's stream at its rate while each of the learners consumes it with its own
     * consumer (one thread each), every event predicted before it is learned.
     */
    private Lane runLane(ScenarioConfig lane, Schema schema, Map<Strategy, Learner> learners, long events,
                         long history) {
        // Topics exist before anyone reads them: the consumers start while the producer is still starting.
        SourceProducer.createTopics(connection, lane);
        SourceProducer producer = SourceProducer.forScenario(connection, lane, progressOf());
        ExecutorService executor = Executors.newFixedThreadPool(learners.size() + 1, new java.util.concurrent.ThreadFactory() {
            private int n;

            @Override
            public Thread newThread(Runnable runnable) {
                return new Thread(runnable, n++ == 0 ? "producer" : "strategy-" + n);
            }
        });
        long start = System.nanoTime();
        try {
            Future<ProduceResult> production = executor.submit(producer::produce);
            Map<Strategy, Future<StrategyDriver.Run>> driven = new LinkedHashMap<>();
            learners.forEach((s, learner) -> driven.put(s, executor.submit(() -> new StrategyDriver(connection,
                    lane.stageTopics(StrategyDriver.STAGE), schema, lane.stream().maxPollRecords(), lane.evaluation(),
                    true, lateLabels(lane, events)).run(learner, history, events, production, l -> { }))));
            Map<Strategy, StrategyDriver.Outcome> outcomes = new LinkedHashMap<>();
            for (Map.Entry<Strategy, Future<StrategyDriver.Run>> e : driven.entrySet()) {
                outcomes.put(e.getKey(), Futures.await(e.getValue(), "strategy " + e.getKey()).outcome());
            }
            return new Lane(Futures.await(production, "the producer"), outcomes, (System.nanoTime() - start) / 1_000_000);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The sustainable rate: a fresh learner of the same strategy works through the lane's topic,
     * complete by now, as a backlog (poll, decode, predict, learn, measure), unrecorded otherwise.
     *
     * @return events/s
     */
    private double backlogRate(ScenarioConfig lane, Schema schema, Learner learner, long events, long history) {
        StrategyDriver.Run backlog = new StrategyDriver(connection, lane.stageTopics(BACKLOG_STAGE), schema,
                lane.stream().maxPollRecords(), lane.evaluation(), true, lateLabels(lane, events))
                .run(learner, history, events, null, l -> { });
        return backlog.events() * 1000.0 / Math.max(1, backlog.wallTimeMs());
    }

    /**
     * What the delay costs: a fresh learner of the same strategy works through the lane's complete
     * topics with every label joined on time (delay 0), unpaced; its quality and its freshness in
     * events, which do not depend on timing, stand beside the delayed run's.
     *
     * @return the delayed run's outcome, its labels result beside the one without the delay
     */
    private StrategyDriver.Outcome withoutDelay(ScenarioConfig lane, Schema schema, Learner learner, long events,
                                                long history, StrategyDriver.Outcome delayed) {
        StrategyDriver.LateLabels late = lateLabels(lane, events);
        StrategyDriver.Outcome onTime = new StrategyDriver(connection, lane.stageTopics(BACKLOG_STAGE), schema,
                lane.stream().maxPollRecords(), lane.evaluation(), true, new StrategyDriver.LateLabels(late.topic(),
                new LabelSchedule(late.schedule().known(), 0), late.horizonEvents()))
                .run(learner, history, events, null, l -> { }).outcome();
        LOG.info("{}: accuracy {} with labels {} late, {} on time", learner.strategy(),
                delayed.prequential().cumulative().get("accuracy"), lane.labels().describe(),
                onTime.prequential().cumulative().get("accuracy"));
        return new StrategyDriver.Outcome(delayed.learner(), delayed.prequential(), delayed.latency(), delayed.freshness(),
                delayed.cost(), delayed.recordsLearned(), delayed.lag(), delayed.labels().against(
                onTime.prequential().cumulative(), onTime.freshness().events()));
    }

    /** @return where a run's labels come from when they come late, or {@code null} when they come with their events */
    private static StrategyDriver.LateLabels lateLabels(ScenarioConfig run, long events) {
        return run.labels().joined() ? new StrategyDriver.LateLabels(run.labelsTopic(), run.labelSchedule(events),
                run.labels().horizonEvents()) : null;
    }

    /**
     * @param progress a listener whose current task is reading {@code read} events
     * @param read     the events that task reads
     * @return a listener for the next task: its start first completes and ends the reading
     */
    private static ProgressListener afterReading(ProgressListener progress, long read) {
        return new ProgressListener() {
            @Override
            public void start(String task, long total) {
                start(task, total, "events");
            }

            @Override
            public void start(String task, long total, String unit) {
                progress.advance(read);
                progress.finish();
                progress.start(task, total, unit);
            }

            @Override
            public void advance(long done) {
                progress.advance(done);
            }

            @Override
            public void finish() {
                progress.finish();
            }
        };
    }

    /** @return who hears the producer's progress: nobody during the warm-up, which is not the run */
    private ProgressListener progressOf() {
        return warmingUp ? ProgressListener.NONE : progress;
    }

    /** Each lane re-produces the same seeded stream; a lane that did not is a bug, not a measurement. */
    private static ProduceResult sameStream(ProduceResult first, ProduceResult next, ScenarioConfig lane) {
        if (first != null && (first.read() != next.read() || first.trainRecords() != next.trainRecords()
                || first.deadLettered() != next.deadLettered())) {
            throw new IllegalStateException("lane " + lane.name() + " produced " + next + ", the first lane " + first);
        }
        return first != null ? first : next;
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
                System.currentTimeMillis(), run.model(), schema.numFeatures(), schema.numClasses(), run.seeds().model(), 0);
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

    /** @return the strategies the run deploys: in the deployed mode, those with a model (not the warm-up's) */
    private List<Strategy> deployed(ScenarioConfig run) {
        if (warmingUp || run.mode() != Mode.DEPLOYED) {
            return List.of();
        }
        return run.strategies().stream().filter(Deployment.DEPLOYABLE::contains).toList();
    }

    /**
     * A run counts records through Kafka exactly, so its topics must start empty; on an external
     * cluster, leftovers of an earlier run would be trained on twice.
     */
    /** Checks that the run's topics hold nothing, and claims its first topic (see {@link TopicAdmin#create}). */
    private void requireFreshTopics(ScenarioConfig run, String... more) {
        requireEmptyTopics(run, more);
        TopicsConfig topics = run.topics();
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            // Counting records is no claim: two runs of one name could both count none and mix
            // their events. Creating the first topic is atomic: of two runs, one creates it.
            String claim = topics.train();
            if (!admin.create(claim, topics.trainPartitions(), topics.replicationFactor(), Map.of())) {
                throw new TributaryException("topic " + claim + " already exists: another run with --name "
                        + scenario.name() + " is using it, or an earlier one left it; delete the run's topics ("
                        + run.name() + "-*), or choose another --name");
            }
        }
    }

    private void requireEmptyTopics(ScenarioConfig run, String... more) {
        TopicsConfig topics = run.topics();
        List<String> all = new ArrayList<>(List.of(topics.train(), topics.test(), topics.deadLetter(), run.labelsTopic(),
                run.deadLetterTopic(StrategyDriver.STAGE), run.deadLetterTopic(HoldoutEvaluator.STAGE),
                run.deadLetterTopic(BACKLOG_STAGE)));
        all.addAll(List.of(more));
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            for (String topic : all) {
                long records = admin.exists(topic) ? admin.recordCount(topic) : 0;
                if (records > 0) {
                    throw new TributaryException("topic " + topic + " already holds " + records + " records; a run "
                            + "needs empty topics: delete them, or rename the scenario with --name");
                }
            }
        }
    }
}
