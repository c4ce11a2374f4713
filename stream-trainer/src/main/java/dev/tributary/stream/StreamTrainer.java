package dev.tributary.stream;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.ExampleBatch;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.common.kafka.DeadLetterWriter;
import dev.tributary.common.kafka.KafkaConnection;
import dev.tributary.common.kafka.ModelTopic;
import dev.tributary.common.kafka.OffsetRange;
import dev.tributary.common.model.CpuClock;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelCodec;
import dev.tributary.common.model.ModelMetadata;
import dev.tributary.common.model.StandardizedNetwork;
import dev.tributary.common.model.TrainingSummary;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Trains a model from a topic as its records arrive; see the package documentation for the
 * checkpoint and offset semantics. One instance runs once ({@link #run()}); another thread may
 * ask it to stop with {@link #requestStop()}.
 *
 * <p>A record that is not a valid example (see {@link ExampleCodec#decode}) is not trained on: it
 * goes, untouched, to the dead-letter topic with its reason, source ({@code topic-partition@offset})
 * and stage {@value #STAGE}, and is counted in {@link TrainingSummary#recordsRejected()}. Dead
 * letters are flushed before every offset commit, so a rejected record is never committed past
 * unwritten; like training, dead-lettering is at least once: a record read again after a crash,
 * between a dead letter and the next checkpoint, is dead-lettered again.
 */
public final class StreamTrainer {

    /** The strategy name recorded with the model. */
    public static final String STRATEGY = "online";
    /** The stage named in this trainer's dead letters. */
    public static final String STAGE = "stream-trainer";
    private static final Logger LOG = LoggerFactory.getLogger(StreamTrainer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final KafkaConnection connection;
    private final String topic;
    private final Schema schema;
    private final ModelConfig config;
    private final StreamTrainingConfig training;
    private final Path checkpointFile;
    private final long modelSeed;
    private final long shuffleSeed;
    private final String modelsTopic;
    private final String deadLetterTopic;

    private volatile boolean stopRequested;
    private volatile KafkaConsumer<byte[], byte[]> activeConsumer;
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * @param connection     the cluster
     * @param topic          the topic to learn from
     * @param schema         the data set's schema
     * @param model          the network (used when there is no checkpoint yet)
     * @param training       mini-batches, epochs, checkpointing and stopping
     * @param checkpointFile where the checkpoint is written and, on start, resumed from
     * @param modelSeed      weight-initialisation seed of a fresh model
     * @param shuffleSeed    seed of the within-poll shuffles
     * @param modelsTopic    the compacted topic each checkpointed version is published to, or {@code null}
     * @param deadLetterTopic where records that are not valid examples go (created if needed)
     */
    public StreamTrainer(KafkaConnection connection, String topic, Schema schema, ModelConfig model,
                         StreamTrainingConfig training, Path checkpointFile, long modelSeed, long shuffleSeed,
                         String modelsTopic, String deadLetterTopic) {
        this.connection = connection;
        this.topic = topic;
        this.schema = schema;
        this.config = model;
        this.training = training;
        this.checkpointFile = checkpointFile;
        this.modelSeed = modelSeed;
        this.shuffleSeed = shuffleSeed;
        this.modelsTopic = modelsTopic;
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    }

    /**
     * The model as of the final checkpoint and what this run did.
     *
     * @param artifact the model (its metadata counts records over all runs)
     * @param summary  this run's counts and timings
     * @param resumed  whether the run continued from an existing checkpoint
     */
    public record Result(ModelArtifact artifact, TrainingSummary summary, boolean resumed) {
    }

    /**
     * Asks a running {@link #run()} to stop after the mini-batch in progress, write its final
     * checkpoint and commit; waits up to {@code timeout} for that to finish.
     *
     * @param timeout how long to wait
     * @return whether the run finished in time
     */
    public boolean requestStop(Duration timeout) {
        stopRequested = true;
        KafkaConsumer<byte[], byte[]> consumer = activeConsumer;
        if (consumer != null) {
            consumer.wakeup();
        }
        try {
            return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Consumes and trains until the record limit, the idle timeout or a stop request.
     *
     * @return the final model and this run's summary
     * @throws TributaryException if the checkpoint cannot be read or written, or Kafka fails
     */
    public Result run() {
        try {
            return new Session().run();
        } finally {
            finished.countDown();
        }
    }

    /** The mutable state of one run, so that the trainer itself stays a description. */
    private final class Session implements ConsumerRebalanceListener {
        private final long startNanos = System.nanoTime();
        private final long startCpu = CpuClock.threadCpuNanos();
        private final ExampleCodec codec = ExampleCodec.forSchema(schema);
        private final StandardizedNetwork model;
        private final Map<Integer, Long> nextOffsets = new TreeMap<>();
        private final Map<Integer, Long> firstOffsets = new TreeMap<>();
        private final boolean resumed;
        private KafkaConsumer<byte[], byte[]> consumer;
        private ModelTopic publisher;
        private DeadLetterWriter deadLetters;
        /** The model as last written; what a run returns, so the caller sees exactly the saved state. */
        private ModelArtifact saved;
        private long version;
        private long recordsSeen;
        private long trained;
        private long rejected;
        private long steps;
        private long checkpoints;
        /** Records (trained or rejected) whose offsets are not yet in a checkpoint. */
        private long sinceCheckpoint;

        Session() {
            if (Files.exists(checkpointFile)) {
                ModelArtifact checkpoint = ModelCodec.read(checkpointFile);
                saved = checkpoint;
                ModelMetadata meta = checkpoint.metadata();
                if (!meta.topic().equals(topic) || meta.numFeatures() != schema.numFeatures()
                        || meta.numClasses() != schema.numClasses()) {
                    throw new TributaryException("checkpoint " + checkpointFile + " was trained on topic " + meta.topic()
                            + " (" + meta.numFeatures() + " features, " + meta.numClasses() + " classes), not on "
                            + topic + " (" + schema.numFeatures() + ", " + schema.numClasses()
                            + "); remove it or choose another --checkpoint-dir");
                }
                model = StandardizedNetwork.of(checkpoint);
                nextOffsets.putAll(meta.nextOffsets());
                version = meta.version();
                recordsSeen = meta.recordsSeen();
                resumed = true;
                LOG.info("Resuming from checkpoint {} (version {}, {} records seen, next offsets {})",
                        checkpointFile, version, recordsSeen, nextOffsets);
            } else {
                model = StandardizedNetwork.fresh(config, schema.numFeatures(), schema.numClasses(), modelSeed);
                resumed = false;
            }
        }

        Result run() {
            Map<String, Object> config = connection.consumerConfig(training.groupId());
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, training.maxPollRecords());
            // The publisher and the dead-letter writer are opened first so that they are closed last:
            // closing the consumer revokes its partitions, and the revocation checkpoint may still
            // flush dead letters and publish.
            try (ModelTopic models = modelsTopic == null ? null : ModelTopic.open(connection, modelsTopic, (short) -1);
                 DeadLetterWriter rejects = DeadLetterWriter.open(connection, deadLetterTopic, STAGE, (short) -1);
                 KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(config)) {
                deadLetters = rejects;
                consumer = kafka;
                publisher = models;
                activeConsumer = kafka;
                kafka.subscribe(List.of(topic), this);
                consumeUntilDone();
                checkpoint();
            } finally {
                activeConsumer = null;
            }
            List<OffsetRange> ranges = new ArrayList<>();
            firstOffsets.forEach((p, first) -> ranges.add(new OffsetRange(p, first, nextOffsets.get(p))));
            ranges.sort(Comparator.comparingInt(OffsetRange::partition));
            TrainingSummary summary = new TrainingSummary(STRATEGY, topic, ranges, trained, rejected, steps, checkpoints,
                    (System.nanoTime() - startNanos) / 1_000_000, (CpuClock.threadCpuNanos() - startCpu) / 1_000_000);
            LOG.info("Stream trainer stopped: {} records trained in this run ({} rejected to {}), {} steps, {} checkpoints",
                    trained, rejected, deadLetterTopic, steps, checkpoints);
            return new Result(saved, summary, resumed);
        }

        private void consumeUntilDone() {
            long lastRecordNanos = System.nanoTime();
            while (!stopRequested) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (WakeupException e) {
                    break;
                }
                if (records.isEmpty()) {
                    if (consumer.assignment().isEmpty()) {
                        // Waiting for partitions is not idleness: after a kill -9 the dead member
                        // holds them until its session times out, and a restart must outwait it.
                        lastRecordNanos = System.nanoTime();
                        continue;
                    }
                    if (training.idleTimeoutMs() > 0
                            && System.nanoTime() - lastRecordNanos > training.idleTimeoutMs() * 1_000_000) {
                        LOG.info("No record for {} ms: stopping", training.idleTimeoutMs());
                        break;
                    }
                    continue;
                }
                lastRecordNanos = System.nanoTime();
                if (train(records)) {
                    break;
                }
                if (sinceCheckpoint >= training.checkpointEvery()) {
                    checkpoint();
                }
            }
        }

        /** @return whether the record limit has been reached */
        private boolean train(ConsumerRecords<byte[], byte[]> records) {
            ExampleBatch batch = new ExampleBatch();
            boolean limitReached = false;
            for (ConsumerRecord<byte[], byte[]> record : records) {
                if (training.maxRecords() > 0 && trained + rejected + batch.size() >= training.maxRecords()) {
                    limitReached = true;
                    break;
                }
                try {
                    batch.add(codec.decode(record.key(), record.value()));
                } catch (MalformedRecordException e) {
                    deadLetters.reject(record, e);
                    rejected++;
                    sinceCheckpoint++;
                    LOG.debug("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                }
                firstOffsets.putIfAbsent(record.partition(), record.offset());
                nextOffsets.put(record.partition(), record.offset() + 1);
            }
            if (!batch.isEmpty()) {
                // Seeded by position in the stream, so a resumed run shuffles as an uninterrupted one would.
                steps += model.learn(batch.features(), batch.labels(), training.epochsPerPoll(), training.batchSize(),
                        new Random(shuffleSeed + recordsSeen));
                trained += batch.size();
                recordsSeen += batch.size();
                sinceCheckpoint += batch.size();
            }
            return limitReached || (training.maxRecords() > 0 && trained + rejected >= training.maxRecords());
        }

        private ModelArtifact artifact() {
            return model.toArtifact(new ModelMetadata(STRATEGY, version, recordsSeen, topic, nextOffsets,
                    System.currentTimeMillis(), config, schema.numFeatures(), schema.numClasses(), modelSeed));
        }

        /** Writes the checkpoint, then commits its offsets (never the other way round), then publishes the version. */
        private void checkpoint() {
            if (sinceCheckpoint == 0 && saved != null) {
                return;
            }
            // Before the commit below moves past them.
            deadLetters.flush();
            version++;
            ModelArtifact artifact = artifact();
            ModelCodec.write(artifact, checkpointFile);
            saved = artifact;
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            nextOffsets.forEach((p, offset) -> commit.put(new TopicPartition(topic, p), new OffsetAndMetadata(offset)));
            if (!commit.isEmpty()) {
                try {
                    consumer.commitSync(commit);
                } catch (WakeupException e) {
                    // A stop request's wakeup, meant to end a poll, landed on this commit instead
                    // (the loop saw the stop flag first). Thrown once, it is cleared: commit again.
                    consumer.commitSync(commit);
                }
            }
            if (publisher != null) {
                publisher.publish(STRATEGY, artifact);
            }
            checkpoints++;
            sinceCheckpoint = 0;
            LOG.debug("Checkpoint version {} at {}", version, nextOffsets);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                Long next = nextOffsets.get(tp.partition());
                if (next != null) {
                    consumer.seek(tp, next);
                } else {
                    // No model state covers this partition yet: learn it from its first record,
                    // whatever the group may have committed before.
                    consumer.seekToBeginning(List.of(tp));
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            checkpoint();
        }
    }
}
