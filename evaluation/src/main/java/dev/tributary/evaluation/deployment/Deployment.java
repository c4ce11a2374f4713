package dev.tributary.evaluation.deployment;

import dev.tributary.batch.BatchTrainer;
import dev.tributary.batch.PeriodicTrainer;
import dev.tributary.common.ProgressListener;
import dev.tributary.common.Futures;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.TopicNames;
import dev.tributary.common.data.Schema;
import dev.tributary.common.provenance.ProduceResult;
import dev.tributary.common.provenance.TrainingSummary;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.producer.Pacing;
import dev.tributary.producer.SourceProducer;
import dev.tributary.results.ServedResult;
import dev.tributary.serving.LabelJoiner;
import dev.tributary.serving.ModelScorer;
import dev.tributary.serving.ScoringTopology;
import dev.tributary.stream.StreamTrainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One strategy deployed as it would run in production, all through Kafka, with each stage's own
 * code in a thread of this process: the producer writes the stream to {@code <deployment>-events}
 * at the scenario's rate; the strategy's trainer stage learns from that topic and publishes every
 * model version to {@code <deployment>-models}; the Kafka Streams scorer serves each event with the
 * newest version it has and writes {@code <deployment>-predictions}; the {@link ServedEvaluator}
 * scores those predictions. The trainer stages:
 * <ul>
 * <li>{@code batch}: {@code train-batch} on the history (the stream's first events), published once;</li>
 * <li>{@code periodic-retrain}: {@code train-periodic} over the stream, a version per retrain;</li>
 * <li>{@code online}: {@code train-stream}, a version per checkpoint ({@code stream.checkpoint-every});</li>
 * <li>{@code warm-start}: {@code train-batch} on the history, published, then {@code train-stream}
 * resumed from that model, publishing as warm-start.</li>
 * </ul>
 * The reference strategies have no model to deploy. When labels come late, the producer writes
 * the events without labels and each label to {@code <deployment>-labels} when it falls due; the
 * {@link LabelJoiner} (Kafka Streams) joins them into {@code <deployment>-labelled}, which the
 * trainer stage reads instead of the events; the scorer serves the unlabelled events; and the
 * evaluator scores each prediction once its label comes.
 *
 * <p>The history is the past: the producer writes it at once, and the deployment goes live, the
 * rest of the stream paced at the scenario's rate from then, once the scorer serves the model the
 * strategy has of the history (as in the ideal, where no event after the history is predicted
 * before that model exists): {@code batch}'s and {@code warm-start}'s batch model,
 * {@code periodic-retrain}'s first retrain, {@code online}'s last checkpoint within the history.
 * The scorer is running before the first event is produced, so every latency is the deployment's
 * own. Served quality depends on timing by nature (which version served an event depends on how
 * far the trainer had got when it arrived), unlike the ideal's.
 */
public final class Deployment {

    /** The strategies that can be deployed: those with a model to publish. */
    public static final Set<Strategy> DEPLOYABLE = EnumSet.of(Strategy.BATCH, Strategy.PERIODIC_RETRAIN,
            Strategy.ONLINE, Strategy.WARM_START);
    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);
    private static final Duration SCORER_START = Duration.ofSeconds(60);
    private static final long STALL_TIMEOUT_MS = 60_000;
    /** How long the trainer may take to serve its model of the history. */
    private static final Duration GO_LIVE_TIMEOUT = Duration.ofMinutes(5);

    private final KafkaConnection connection;
    private final ScenarioConfig deployment;
    private final Schema schema;
    private final ProgressListener progress;

    /**
     * @param connection the cluster
     * @param deployment the strategy's deployment ({@link ScenarioConfig#deployment}): its one
     *                   strategy, on topics of its own, which must be empty
     * @param schema     the stream's schema
     * @param progress   hears how far the producer has come
     */
    public Deployment(KafkaConnection connection, ScenarioConfig deployment, Schema schema, ProgressListener progress) {
        if (deployment.strategies().size() != 1 || !DEPLOYABLE.contains(deployment.strategies().get(0))) {
            throw new IllegalArgumentException("a deployment runs one of " + DEPLOYABLE + ", not " + deployment.strategies());
        }
        this.connection = connection;
        this.deployment = deployment;
        this.schema = schema;
        this.progress = progress;
    }

    /**
     * Runs the deployment until every event has been served and scored.
     *
     * @param events  how many events the stream has
     * @param history its leading events, which the batch stages train on and the evaluator does not score
     * @return what was served, with the trainer's summary
     * @throws TributaryException if a stage fails or stalls
     */
    public ServedResult run(long events, long history) {
        Strategy strategy = deployment.strategies().get(0);
        TopicNames names = deployment.names();
        String eventsTopic = deployment.topics().train();
        boolean late = deployment.labels().joined();
        // With late labels, the trainers learn what the label joiner has joined.
        String trainTopic = late ? names.labelled() : eventsTopic;
        // The scorer sizes its output topics after the events topic, and creates the models topic.
        SourceProducer.createTopics(connection, deployment);
        Path work = temporaryDirectory(names.prefix());
        ExecutorService stages = Executors.newFixedThreadPool(3, runnable -> new Thread(runnable, "deployment-" + strategy.key()));
        LOG.info("Deploying {}: {} events to {}, models on {}, predictions on {}", strategy.key(), events, eventsTopic,
                names.models(), names.predictions());
        try (LabelJoiner joiner = late ? startJoiner(work) : null;
             ModelScorer scorer = ModelScorer.start(connection, schema, new ModelScorer.Settings(
                names.scorerApplicationId(strategy.key()), strategy.key(), ScoringTopology.ScoringTopics.of(names),
                ModelScorer.Settings.DEFAULT_MAX_BATCH, ModelScorer.Settings.DEFAULT_FLUSH_INTERVAL_MS, false,
                work.resolve("streams"), late))) {
            if (!scorer.awaitRunning(SCORER_START)) {
                throw new TributaryException("the " + strategy.key() + " scorer did not start within "
                        + SCORER_START.toSeconds() + " s (state " + scorer.state() + ")");
            }
            ServedEvaluator evaluator = new ServedEvaluator(connection, schema, deployment.evaluation(),
                    new ServedEvaluator.Settings(names.predictions(), names.models(),
                            names.deadLetter(ServedEvaluator.STAGE), strategy.key(), events, history,
                            deployment.stream().maxPollRecords(), STALL_TIMEOUT_MS,
                            ServedEvaluator.LateLabels.of(deployment, events)));
            Future<ServedResult> served = stages.submit(evaluator::run);
            Future<TrainingSummary> trainer = stages.submit(() -> train(strategy, trainTopic, names, events, history, work));
            Runnable goLive = () -> awaitHistoryModel(scorer, strategy, history, trainer);
            Future<ProduceResult> produced = stages.submit(() -> SourceProducer.forScenario(connection, deployment,
                    progress, new Pacing(deployment.rate(), history, goLive)).produce());
            List<Future<?>> all = List.of(produced, trainer, served);
            awaitAll(all);
            ProduceResult production = get(produced);
            if (production.trainRecords() != events) {
                throw new IllegalStateException("the deployment's producer wrote " + production.trainRecords()
                        + " events, not " + events);
            }
            ServedResult result = get(served).withTrainer(get(trainer));
            LOG.info("Deployed {}: {} of {} scored, {} model versions published, {} served", strategy.key(),
                    result.evaluated(), events, result.versionsPublished(), result.versionsServed());
            return result;
        } finally {
            stages.shutdownNow();
            delete(work);
        }
    }

    /**
     * Starts the label joiner: each label joined to its event within the horizon, on the stream's
     * schedule (horizon events at the scenario's rate), and written to the labelled topic.
     */
    private LabelJoiner startJoiner(Path work) {
        LabelJoiner.Settings settings = LabelJoiner.Settings.of(deployment, work.resolve("label-joiner"));
        LabelJoiner joiner = LabelJoiner.start(connection, settings);
        if (!joiner.awaitRunning(SCORER_START)) {
            joiner.close();
            throw new TributaryException("the label joiner did not start within " + SCORER_START.toSeconds()
                    + " s (state " + joiner.state() + ")");
        }
        LOG.info("Label joiner: {} joined to {} within {} ms, into {}", settings.labels(), settings.events(),
                settings.window().toMillis(), settings.labelled());
        return joiner;
    }

    /**
     * Waits until the scorer serves the strategy's model of the history (see the class
     * documentation): the moment the deployment goes live.
     */
    private void awaitHistoryModel(ModelScorer scorer, Strategy strategy, long history, Future<?> trainer) {
        long needed = switch (strategy) {
            case BATCH, WARM_START -> 1;
            case PERIODIC_RETRAIN -> history;
            default -> StreamTrainer.lastCheckpointAtOrBefore(history, deployment.stream());
        };
        long deadline = System.nanoTime() + GO_LIVE_TIMEOUT.toNanos();
        while (needed > 0 && (scorer.serving().current() == null
                || scorer.serving().current().metadata().recordsSeen() < needed)) {
            if (trainer.isDone()) {
                // A failed trainer ends the wait with its own error; a finished one (batch) has published.
                get(trainer);
            }
            if (System.nanoTime() > deadline) {
                throw new TributaryException("the " + strategy.key() + " scorer did not serve a model of the history ("
                        + needed + " records) within " + GO_LIVE_TIMEOUT.toMinutes() + " min");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TributaryException("interrupted while waiting for the history's model", e);
            }
        }
        LOG.info("{} goes live: serving version {} ({} records seen)", strategy.key(),
                scorer.serving().current() == null ? 0 : scorer.serving().current().metadata().version(),
                scorer.serving().current() == null ? 0 : scorer.serving().current().metadata().recordsSeen());
    }

    /** Runs the strategy's trainer stage over the deployment's events topic. */
    private TrainingSummary train(Strategy strategy, String eventsTopic, TopicNames names, long events, long history,
                                  Path work) {
        LearnerConfig config = LearnerConfig.of(deployment, schema);
        return switch (strategy) {
            case BATCH -> {
                BatchTrainer.Result batch = trainHistory(config, eventsTopic, names, history);
                publish(names, Strategy.BATCH, batch.artifact());
                yield batch.summary();
            }
            case PERIODIC_RETRAIN -> new PeriodicTrainer(connection, new StageTopics(eventsTopic,
                    names.deadLetter(PeriodicTrainer.STAGE), names.models()), limited(config, events),
                    work.resolve("periodic-retrain.model"), history).run().summary();
            case ONLINE -> new StreamTrainer(connection, new StageTopics(eventsTopic,
                    names.deadLetter(StreamTrainer.STAGE), names.models()), limited(config, events),
                    work.resolve("online.model")).run().summary();
            case WARM_START -> {
                BatchTrainer.Result batch = trainHistory(config, eventsTopic, names, history);
                // The batch model of the history, published and checkpointed as warm-start's first version.
                ModelArtifact start = new ModelArtifact(batch.artifact().network(), batch.artifact().standardizer(),
                        batch.artifact().metadata().withStrategy(Strategy.WARM_START.key()));
                Path checkpoint = work.resolve("warm-start.model");
                ModelCodec.write(start, checkpoint);
                publish(names, Strategy.WARM_START, start);
                TrainingSummary online = new StreamTrainer(connection, new StageTopics(eventsTopic,
                        names.deadLetter(StreamTrainer.STAGE), names.models()), limited(config, events - history),
                        checkpoint, Strategy.WARM_START).run().summary();
                TrainingSummary b = batch.summary();
                yield new TrainingSummary(Strategy.WARM_START.key(), eventsTopic, online.offsets(),
                        b.recordsTrained() + online.recordsTrained(), b.recordsRejected() + online.recordsRejected(),
                        b.gradientSteps() + online.gradientSteps(), online.checkpoints(),
                        b.wallTimeMs() + online.wallTimeMs(), b.cpuTimeMs() + online.cpuTimeMs());
            }
            default -> throw new IllegalArgumentException(strategy + " has no trainer stage");
        };
    }

    private BatchTrainer.Result trainHistory(LearnerConfig config, String eventsTopic, TopicNames names, long history) {
        return new BatchTrainer(connection, new StageTopics(eventsTopic, names.deadLetter(BatchTrainer.STAGE), null),
                limited(config, history)).train();
    }

    private void publish(TopicNames names, Strategy strategy, ModelArtifact artifact) {
        try (ModelTopic models = ModelTopic.open(connection, names.models(), (short) -1)) {
            models.publish(strategy.key(), ModelCodec.encode(artifact));
        }
    }

    /** @return the configuration with the stage stopping after {@code records} records, and never on idleness */
    private static LearnerConfig limited(LearnerConfig config, long records) {
        return config.withStream(config.stream().stoppingAfter(records, STALL_TIMEOUT_MS));
    }

    /** Waits for every stage; the first to fail ends the deployment with its own error. */
    private static void awaitAll(List<Future<?>> stages) {
        while (!stages.stream().allMatch(Future::isDone)) {
            for (Future<?> stage : stages) {
                if (stage.isDone()) {
                    get(stage);
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TributaryException("interrupted while deploying", e);
            }
        }
    }

    private static <T> T get(Future<T> stage) {
        return Futures.await(stage, "a deployment stage");
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory("tributary-" + prefix + "-");
        } catch (IOException e) {
            throw new TributaryException("cannot create a working directory for the deployment: " + e, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }
}
