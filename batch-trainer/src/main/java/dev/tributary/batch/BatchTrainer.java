package dev.tributary.batch;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.ExampleBatch;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.BoundedTopicReader;
import dev.tributary.common.kafka.DeadLetterWriter;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.kafka.OffsetRange;
import dev.tributary.common.model.CpuClock;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;
import dev.tributary.common.model.StandardizedNetwork;
import dev.tributary.common.model.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trains the batch baseline on everything the train topic holds when training starts.
 *
 * <p>Memory: the whole topic is decoded into memory (one {@code double[]} per record), which
 * is what batch learning means; use the streaming learner for topics that do not fit.
 *
 * <p>A record that is not a valid example (see {@link ExampleCodec#decode}) is not trained on: it
 * goes, untouched, to the dead-letter topic with its reason, source ({@code topic-partition@offset})
 * and stage {@value #STAGE}, and is counted, so that records read = trained + dead-lettered. The
 * dead letters are acknowledged before training starts. Each training run reads the whole topic
 * again, and so dead-letters its malformed records again.
 */
public final class BatchTrainer {

    /** The strategy name recorded with the model. */
    public static final String STRATEGY = "batch";
    /** The stage named in this trainer's dead letters. */
    public static final String STAGE = "batch-trainer";
    private static final Logger LOG = LoggerFactory.getLogger(BatchTrainer.class);

    private final KafkaConnection connection;
    private final String topic;
    private final Schema schema;
    private final ModelConfig model;
    private final BatchTrainingConfig training;
    private final long modelSeed;
    private final long shuffleSeed;
    private final String deadLetterTopic;

    /**
     * @param connection  the cluster
     * @param topic       the train topic
     * @param schema      the data set's schema
     * @param model       the network
     * @param training    epochs and batch size
     * @param modelSeed   weight-initialisation seed
     * @param shuffleSeed seed of the per-epoch shuffles
     * @param deadLetterTopic where records that are not valid examples go (created if needed)
     */
    public BatchTrainer(KafkaConnection connection, String topic, Schema schema, ModelConfig model,
                        BatchTrainingConfig training, long modelSeed, long shuffleSeed, String deadLetterTopic) {
        this.connection = connection;
        this.topic = topic;
        this.schema = schema;
        this.model = model;
        this.training = training;
        this.modelSeed = modelSeed;
        this.shuffleSeed = shuffleSeed;
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
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
        long startNanos = System.nanoTime();
        long startCpu = CpuClock.threadCpuNanos();
        ExampleCodec codec = ExampleCodec.forSchema(schema);
        ExampleBatch data = new ExampleBatch();
        AtomicLong rejected = new AtomicLong();
        List<OffsetRange> offsets;
        try (DeadLetterWriter deadLetters = DeadLetterWriter.open(connection, deadLetterTopic, STAGE, (short) -1)) {
            offsets = new BoundedTopicReader(connection).read(topic, record -> {
                try {
                    data.add(codec.decode(record.key(), record.value()));
                } catch (MalformedRecordException e) {
                    deadLetters.reject(record, e);
                    rejected.incrementAndGet();
                    LOG.debug("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            e.getMessage());
                }
            });
        }
        if (data.isEmpty()) {
            throw new TributaryException("train topic " + topic + " holds no usable record (" + rejected.get()
                    + " dead-lettered to " + deadLetterTopic + ")");
        }
        StandardizedNetwork network = StandardizedNetwork.fresh(model, schema.numFeatures(), schema.numClasses(), modelSeed);
        long steps = network.learn(data.features(), data.labels(), training.epochs(), training.batchSize(),
                new Random(shuffleSeed));

        Map<Integer, Long> next = new HashMap<>();
        offsets.forEach(r -> next.put(r.partition(), r.end()));
        ModelMetadata metadata = new ModelMetadata(STRATEGY, 1, data.size(), topic, next, System.currentTimeMillis(),
                model, schema.numFeatures(), schema.numClasses(), modelSeed);
        TrainingSummary summary = new TrainingSummary(STRATEGY, topic, offsets, data.size(), rejected.get(), steps, 0,
                (System.nanoTime() - startNanos) / 1_000_000, (CpuClock.threadCpuNanos() - startCpu) / 1_000_000);
        LOG.info("Batch model trained on {} records ({} rejected to {}): {} epochs, {} steps, {} ms",
                data.size(), rejected.get(), deadLetterTopic, training.epochs(), steps, summary.wallTimeMs());
        return new Result(network.toArtifact(metadata), summary);
    }
}
