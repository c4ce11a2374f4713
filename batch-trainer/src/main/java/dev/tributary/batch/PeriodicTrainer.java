package dev.tributary.batch;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.data.Example;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.ExampleReader;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.kafka.StopSignal;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.CpuClock;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code train-periodic}: the nightly job that batch users deploy, as a stage. It reads a topic
 * from its beginning as records arrive and runs a {@link PeriodicRetrainLearner}: every
 * {@code periodic.every} records it retrains from scratch on the last {@code periodic.window},
 * writes the model to its file and publishes it to the models topic as a new version.
 *
 * <p>Its state is the window, which is rebuilt exactly by reading the topic again: the stage
 * joins no consumer group, commits nothing and, restarted, reads from the beginning and
 * retrains the same models (the shuffles are seeded by stream position). It stops at
 * {@code stream.max-records}, after {@code stream.idle-timeout-ms} without records, or when
 * asked ({@link #requestStop}).
 */
public final class PeriodicTrainer {

    /** The stage named in this trainer's dead letters. */
    public static final String STAGE = "periodic-trainer";
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicTrainer.class);

    private final KafkaConnection connection;
    private final StageTopics topics;
    private final LearnerConfig config;
    private final Path modelFile;
    private final long history;
    private final StopSignal stop = new StopSignal();

    /**
     * @param connection the cluster
     * @param topics     the topic to learn from, the stage's dead-letter topic, the models topic (or none)
     * @param config     the network, batch training, schedule, stopping settings and seeds
     * @param modelFile  where each retrained model is written
     */
    public PeriodicTrainer(KafkaConnection connection, StageTopics topics, LearnerConfig config, Path modelFile) {
        this(connection, topics, config, modelFile, 0);
    }

    /**
     * A trainer whose first model is trained at the end of a history, as the experiment's
     * {@code periodic-retrain} strategy's is, and then every {@code periodic.every} records.
     *
     * @param connection the cluster
     * @param topics     as above
     * @param config     as above
     * @param modelFile  as above
     * @param history    the topic's leading records that are the history (0: none; the first model
     *                   comes after {@code periodic.every} records)
     */
    public PeriodicTrainer(KafkaConnection connection, StageTopics topics, LearnerConfig config, Path modelFile,
                           long history) {
        this.connection = connection;
        this.topics = topics;
        this.config = config;
        this.modelFile = modelFile;
        this.history = history;
    }

    /**
     * The last model and what the run did.
     *
     * @param artifact the last model trained, or {@code null} if the stream was shorter than one period
     * @param summary  counts and timings
     */
    public record Result(ModelArtifact artifact, TrainingSummary summary) {
    }

    /**
     * Asks a running {@link #run()} to stop after the record in progress; waits up to {@code timeout}.
     *
     * @param timeout how long to wait
     * @return whether the run finished in time
     */
    public boolean requestStop(Duration timeout) {
        return stop.request(timeout);
    }

    /**
     * @return the last model and the run's summary
     */
    public Result run() {
        return run(ProgressListener.NONE);
    }

    /**
     * @param progress hears how many records this run has read (of {@code stream.max-records}, if set)
     * @return the last model and the run's summary
     */
    public Result run(ProgressListener progress) {
        return stop.run(() -> runOnce(progress));
    }

    private Result runOnce(ProgressListener progress) {
        long startNanos = System.nanoTime();
        long startCpu = CpuClock.threadCpuNanos();
        PeriodicRetrainLearner learner = new PeriodicRetrainLearner(config);
        Map<Integer, Long> nextOffsets = new TreeMap<>();
        ModelArtifact[] last = {null};
        long[] trained = {0};
        long[] lastEventMs = {0};
        TopicFeed.Settings settings = new TopicFeed.Settings(config.stream().maxPollRecords(),
                config.stream().maxRecords(), false, config.stream().idleTimeoutMs(), TopicFeed.OnIdle.STOP);
        ExampleReader reader;
        TopicFeed.Stop stopped;
        long[] read = {0};
        long limit = config.stream().maxRecords();
        progress.start("training " + Strategy.PERIODIC_RETRAIN.key() + " on " + topics.input(), limit > 0 ? limit : -1,
                "records");
        try (ModelTopic models = topics.models() == null ? null : ModelTopic.open(connection, topics.models(), (short) -1);
             DeadLetterWriter rejects = DeadLetterWriter.open(connection, topics.deadLetter(), STAGE, (short) -1);
             TopicFeed feed = TopicFeed.fromBeginning(connection, topics.input(), settings)) {
            reader = new ExampleReader(config.schema(), rejects);
            ExampleReader decoder = reader;
            stopped = stop.attach(feed) ? TopicFeed.Stop.REQUESTED : feed.run(record -> {
                if (++read[0] % ProgressListener.EVERY == 0) {
                    progress.advance(read[0]);
                }
                nextOffsets.put(record.partition(), record.offset() + 1);
                lastEventMs[0] = Math.max(lastEventMs[0], record.timestamp());
                Example example = decoder.read(record);
                if (example == null) {
                    return true;
                }
                long retrains = learner.retrains();
                if (trained[0] < history) {
                    learner.learnHistoryEvent(example.features(), example.label());
                    if (trained[0] + 1 == history) {
                        learner.endHistory();
                    }
                } else {
                    learner.learn(example.features(), example.label());
                }
                trained[0]++;
                if (learner.retrains() > retrains) {
                    decoder.flush();
                    ModelArtifact artifact = learner.artifact(new ModelMetadata(Strategy.PERIODIC_RETRAIN.key(),
                            learner.retrains(), learner.incorporated(), topics.input(), nextOffsets,
                            System.currentTimeMillis(), config.model(), config.numFeatures(), config.numClasses(),
                            config.seeds().model(), lastEventMs[0]));
                    ModelCodec.write(artifact, modelFile);
                    if (models != null) {
                        models.publish(Strategy.PERIODIC_RETRAIN.key(), ModelCodec.encode(artifact));
                    }
                    last[0] = artifact;
                    LOG.info("Periodic model version {} trained at record {}", learner.retrains(), learner.incorporated());
                }
                return true;
            });
            reader.flush();
        } finally {
            progress.advance(read[0]);
            progress.finish();
        }
        LOG.info("Periodic trainer stopped ({}): {} records, {} rejected, {} models", stopped, trained[0], reader.rejected(),
                learner.retrains());
        TrainingSummary summary = new TrainingSummary(Strategy.PERIODIC_RETRAIN.key(), topics.input(),
                java.util.List.of(), trained[0], reader.rejected(), learner.gradientSteps(), learner.retrains(),
                (System.nanoTime() - startNanos) / 1_000_000, (CpuClock.threadCpuNanos() - startCpu) / 1_000_000);
        return new Result(last[0], summary);
    }
}
