package dev.tributary.batch;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleBatch;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.ExampleReader;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.CpuClock;
import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code train-batch}: trains the batch baseline ({@link BatchLearner}) on everything the train
 * topic holds when training starts.
 *
 * <p>With {@code stream.max-records} set, it trains on the topic's first that many records instead,
 * waiting for them to arrive (a deployment's history: the stream's first events, while the rest
 * is still being produced), and fails if they stop arriving for {@value #STALL_TIMEOUT_MS} ms.
 *
 * <p>Memory: the whole topic is decoded into memory (one {@code double[]} per record), which
 * is what batch learning means; use the streaming learner for topics that do not fit.
 *
 * <p>A record that is not a valid example goes, untouched, to the stage's dead-letter topic with
 * its reason (see {@link ExampleReader}) and is counted, so that records read = trained +
 * dead-lettered. The dead letters are acknowledged before training starts. Each training run
 * reads the whole topic again, and so dead-letters its malformed records again.
 */
public final class BatchTrainer {

    /** The stage named in this trainer's dead letters. */
    public static final String STAGE = "batch-trainer";
    private static final Logger LOG = LoggerFactory.getLogger(BatchTrainer.class);
    /** How long the records of a bounded history may stop arriving before training fails. */
    static final long STALL_TIMEOUT_MS = 60_000;

    private final KafkaConnection connection;
    private final StageTopics topics;
    private final LearnerConfig config;

    /**
     * @param connection the cluster
     * @param topics     the train topic, the stage's dead-letter topic (created if needed)
     * @param config     the network, batch training, seeds and schema
     */
    public BatchTrainer(KafkaConnection connection, StageTopics topics, LearnerConfig config) {
        this.connection = connection;
        this.topics = topics;
        this.config = config;
    }

    /**
     * The trained model and what its training did.
     *
     * @param artifact the frozen model
     * @param summary  counts and timings
     */
    public record Result(ModelArtifact artifact, TrainingSummary summary) {
    }

    /**
     * @return the trained model
     * @throws TributaryException if the topic cannot be read, a dead letter cannot be written, or
     *                            the topic holds no valid example
     */
    public Result train() {
        return train(ProgressListener.NONE);
    }

    /**
     * @param progress hears the two long phases: the records read, then the rows the fit has
     *                 taken in over all its epochs
     * @return the trained model
     * @throws TributaryException as {@link #train()}
     */
    public Result train(ProgressListener progress) {
        long startNanos = System.nanoTime();
        long startCpu = CpuClock.threadCpuNanos();
        ExampleBatch data = new ExampleBatch();
        List<OffsetRange> offsets;
        long rejected;
        long[] lastEventMs = {0};
        long limit = config.stream().maxRecords();
        TopicFeed.Settings settings = limit > 0
                ? TopicFeed.Settings.exactly(config.stream().maxPollRecords(), limit, STALL_TIMEOUT_MS)
                : TopicFeed.Settings.toEnd(config.stream().maxPollRecords());
        long expected = limit > 0 || progress == ProgressListener.NONE ? limit : recordCount();
        progress.start("reading " + topics.input(), expected > 0 ? expected : -1, "records");
        long[] read = {0};
        try (DeadLetterWriter deadLetters = DeadLetterWriter.open(connection, topics.deadLetter(), STAGE, (short) -1);
             TopicFeed feed = TopicFeed.fromBeginning(connection, topics.input(), settings)) {
            ExampleReader reader = new ExampleReader(config.schema(), deadLetters);
            feed.run(record -> {
                if (++read[0] % ProgressListener.EVERY == 0) {
                    progress.advance(read[0]);
                }
                lastEventMs[0] = Math.max(lastEventMs[0], record.timestamp());
                Example example = reader.read(record);
                if (example != null) {
                    data.add(example);
                }
                return true;
            });
            reader.flush();
            offsets = feed.offsetsRead();
            rejected = reader.rejected();
        }
        progress.advance(read[0]);
        progress.finish();
        if (data.isEmpty()) {
            throw new TributaryException("train topic " + topics.input() + " holds no usable record (" + rejected
                    + " dead-lettered to " + topics.deadLetter() + ")");
        }
        BatchLearner learner = new BatchLearner(config).watchFit(progress);
        learner.learnHistory(data.features(), data.labels());

        Map<Integer, Long> next = new HashMap<>();
        offsets.forEach(r -> next.put(r.partition(), r.end()));
        // Recorded so that train-stream --strategy warm-start, which continues from this model, can
        // tell the topic it was trained on from a re-created one of the same name.
        String topicId;
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            topicId = admin.topicId(topics.input());
        }
        ModelMetadata metadata = new ModelMetadata(Strategy.BATCH.key(), 1, data.size(), topics.input(), next,
                System.currentTimeMillis(), config.model(), config.numFeatures(), config.numClasses(),
                config.seeds().model(), lastEventMs[0], topicId, config.scenarioFingerprint());
        TrainingSummary summary = new TrainingSummary(Strategy.BATCH.key(), topics.input(), offsets, data.size(),
                rejected, learner.gradientSteps(), 0, (System.nanoTime() - startNanos) / 1_000_000,
                (CpuClock.threadCpuNanos() - startCpu) / 1_000_000);
        LOG.info("Batch model trained on {} records ({} rejected to {}): {} epochs, {} steps, {} ms",
                data.size(), rejected, topics.deadLetter(), config.batch().epochs(), learner.gradientSteps(),
                summary.wallTimeMs());
        return new Result(learner.artifact(metadata), summary);
    }

    /** @return how many records the input topic holds now, for the reading's progress, or -1 if unknown */
    private long recordCount() {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            return admin.recordCount(topics.input());
        } catch (TributaryException e) {
            return -1; // the feed reports a missing topic in its own words
        }
    }
}
