package dev.tributary.stream;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.StageTopics;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Example;
import dev.tributary.kafka.DeadLetterWriter;
import dev.tributary.kafka.ExampleReader;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.kafka.StopSignal;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.CpuClock;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.util.TreeMap;

/**
 * {@code train-stream}: trains an {@link OnlineLearner} from a topic as its records arrive; see
 * the package documentation for the checkpoint and offset semantics. One instance runs once
 * ({@link #run()}); another thread may ask it to stop with {@link #requestStop}.
 *
 * <p>A record that is not a valid example is not trained on: it goes, untouched, to the
 * dead-letter topic with its reason, source and stage {@value #STAGE} (see {@link ExampleReader}),
 * and is counted in {@link TrainingSummary#recordsRejected()}. Dead letters are flushed before
 * every offset commit, so a rejected record is never committed past unwritten; like training,
 * dead-lettering is at least once: a record read again after a crash, between a dead letter and
 * the next checkpoint, is dead-lettered again.
 */
public final class StreamTrainer {

    /** The stage named in this trainer's dead letters. */
    public static final String STAGE = "stream-trainer";
    private static final Logger LOG = LoggerFactory.getLogger(StreamTrainer.class);

    private final KafkaConnection connection;
    private final StageTopics topics;
    private final LearnerConfig config;
    private final Path checkpointFile;
    private final Strategy strategy;

    private final StopSignal stop = new StopSignal();

    /**
     * @param connection     the cluster
     * @param topics         the topic to learn from, the stage's dead-letter topic (created if
     *                       needed), and the compacted topic each checkpointed version is
     *                       published to (or none)
     * @param config         the network (used when there is no checkpoint yet), the streaming
     *                       settings (mini-batches, checkpoints, stopping, group) and the seeds
     * @param checkpointFile where the checkpoint is written and, on start, resumed from
     */
    public StreamTrainer(KafkaConnection connection, StageTopics topics, LearnerConfig config, Path checkpointFile) {
        this(connection, topics, config, checkpointFile, Strategy.ONLINE);
    }

    /**
     * A trainer that publishes as another incremental strategy: {@code warm-start} is this stage
     * resumed from a checkpoint that {@code train-batch} wrote (the batch model of the history,
     * whose offsets say where the stream continues).
     *
     * @param connection     the cluster
     * @param topics         as for the {@code online} trainer
     * @param config         as for the {@code online} trainer
     * @param checkpointFile as for the {@code online} trainer
     * @param strategy       the strategy its models are published and recorded as
     *                       ({@link Strategy#ONLINE} or {@link Strategy#WARM_START})
     */
    public StreamTrainer(KafkaConnection connection, StageTopics topics, LearnerConfig config, Path checkpointFile,
                         Strategy strategy) {
        if (strategy != Strategy.ONLINE && strategy != Strategy.WARM_START) {
            throw new IllegalArgumentException("train-stream trains online or warm-start, not " + strategy);
        }
        this.connection = connection;
        this.topics = topics;
        this.config = config;
        this.checkpointFile = checkpointFile;
        this.strategy = strategy;
    }

    /**
     * The checkpoint schedule of an uninterrupted run: a checkpoint falls at the end of a
     * mini-batch once {@code checkpoint-every} records have passed since the last one.
     *
     * @param records records read from the start of the topic
     * @param stream  the mini-batch and checkpoint settings
     * @return the position of the last checkpoint at or before {@code records} (0: none yet)
     */
    public static long lastCheckpointAtOrBefore(long records, StreamTrainingConfig stream) {
        long last = 0;
        for (long end = stream.miniBatch(); end <= records; end += stream.miniBatch()) {
            if (end - last >= stream.checkpointEvery()) {
                last = end;
            }
        }
        return last;
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
     * Asks a running {@link #run()} to stop after the record in progress, learn what it holds,
     * write its final checkpoint and commit; waits up to {@code timeout} for that to finish.
     *
     * @param timeout how long to wait
     * @return whether the run finished in time
     */
    public boolean requestStop(Duration timeout) {
        return stop.request(timeout);
    }

    /**
     * Consumes and trains until the record limit, the idle timeout or a stop request.
     *
     * @return the final model and this run's summary
     * @throws TributaryException if the checkpoint cannot be read or written, or Kafka fails
     */
    public Result run() {
        return stop.run(() -> new Session().run());
    }

    /** The mutable state of one run, so that the trainer itself stays a description. */
    private final class Session implements ConsumerRebalanceListener {
        private final long startNanos = System.nanoTime();
        private final long startCpu = CpuClock.threadCpuNanos();
        private final OnlineLearner learner;
        private final Map<Integer, Long> nextOffsets = new TreeMap<>();
        private final Map<Integer, Long> firstOffsets = new TreeMap<>();
        private final boolean resumed;
        private TopicFeed feed;
        private ModelTopic publisher;
        private ExampleReader reader;
        /** The model as last written; what a run returns, so the caller sees exactly the saved state. */
        private ModelArtifact saved;
        private long version;
        /** The timestamp of the newest record read; at a checkpoint, the model has learned it. */
        private long lastEventMs;
        private long trained;
        private long checkpoints;
        /** Records (trained or rejected) whose offsets are not yet in a checkpoint. */
        private long sinceCheckpoint;

        Session() {
            if (Files.exists(checkpointFile)) {
                ModelArtifact checkpoint = ModelCodec.read(checkpointFile);
                saved = checkpoint;
                ModelMetadata meta = checkpoint.metadata();
                if (!meta.topic().equals(topics.input())) {
                    throw new TributaryException("checkpoint " + checkpointFile + " was trained on topic " + meta.topic()
                            + ", not on " + topics.input() + "; remove it or choose another --output");
                }
                meta.requireFits(config.schema(), "checkpoint " + checkpointFile);
                learner = OnlineLearner.resume(strategy, checkpoint, config);
                nextOffsets.putAll(meta.nextOffsets());
                version = meta.version();
                lastEventMs = meta.lastEventMs();
                resumed = true;
                LOG.info("Resuming from checkpoint {} (version {}, {} records seen, next offsets {})",
                        checkpointFile, version, meta.recordsSeen(), nextOffsets);
            } else if (strategy == Strategy.WARM_START) {
                throw new TributaryException("warm-start continues from the batch model of the history, and "
                        + checkpointFile + " does not exist: train it with train-batch first");
            } else {
                learner = OnlineLearner.fresh(config);
                resumed = false;
            }
        }

        Result run() {
            TopicFeed.Settings settings = new TopicFeed.Settings(config.stream().maxPollRecords(),
                    config.stream().maxRecords(), false, config.stream().idleTimeoutMs(), TopicFeed.OnIdle.STOP);
            // The publisher and the dead-letter writer are opened first so that they are closed last:
            // closing the consumer revokes its partitions, and the revocation checkpoint may still
            // flush dead letters and publish.
            try (ModelTopic models = topics.models() == null ? null : ModelTopic.open(connection, topics.models(), (short) -1);
                 DeadLetterWriter rejects = DeadLetterWriter.open(connection, topics.deadLetter(), STAGE, (short) -1);
                 TopicFeed kafka = TopicFeed.subscribe(connection, topics.input(), config.stream().groupId(), this,
                         settings)) {
                reader = new ExampleReader(config.schema(), rejects);
                publisher = models;
                feed = kafka;
                if (!stop.attach(kafka)) {
                    LOG.info("Stream trainer stopping: {}", kafka.run(this::train));
                }
                finishAndCheckpoint();
            }
            List<OffsetRange> ranges = new ArrayList<>();
            firstOffsets.forEach((p, first) -> ranges.add(new OffsetRange(p, first, nextOffsets.get(p))));
            ranges.sort(Comparator.comparingInt(OffsetRange::partition));
            TrainingSummary summary = new TrainingSummary(strategy.key(), topics.input(), ranges, trained,
                    reader.rejected(), learner.gradientSteps(), checkpoints, (System.nanoTime() - startNanos) / 1_000_000,
                    (CpuClock.threadCpuNanos() - startCpu) / 1_000_000);
            LOG.info("Stream trainer stopped: {} records trained in this run ({} rejected to {}), {} steps, {} checkpoints",
                    trained, reader.rejected(), topics.deadLetter(), learner.gradientSteps(), checkpoints);
            return new Result(saved, summary, resumed);
        }

        private boolean train(ConsumerRecord<byte[], byte[]> record) {
            Example example = reader.read(record);
            if (example != null) {
                learner.learn(example.features(), example.label());
                trained++;
            }
            firstOffsets.putIfAbsent(record.partition(), record.offset());
            nextOffsets.put(record.partition(), record.offset() + 1);
            lastEventMs = Math.max(lastEventMs, record.timestamp());
            sinceCheckpoint++;
            // Only between mini-batches: a checkpoint's offsets never pass an event its model lacks.
            if (learner.pending() == 0 && sinceCheckpoint >= config.stream().checkpointEvery()) {
                checkpoint();
            }
            return true;
        }

        private ModelArtifact artifact() {
            return learner.artifact(new ModelMetadata(strategy.key(), version, learner.incorporated(),
                    topics.input(), nextOffsets, System.currentTimeMillis(), config.model(), config.numFeatures(),
                    config.numClasses(), config.seeds().model(), lastEventMs));
        }

        /** Learns an incomplete mini-batch, so that the checkpoint covers every record read. */
        private void finishAndCheckpoint() {
            learner.finish();
            checkpoint();
        }

        /** Writes the checkpoint, then commits its offsets (never the other way round), then publishes the version. */
        private void checkpoint() {
            if (sinceCheckpoint == 0 && saved != null) {
                return;
            }
            // Before the commit below moves past them.
            reader.flush();
            version++;
            ModelArtifact artifact = artifact();
            ModelCodec.write(artifact, checkpointFile);
            saved = artifact;
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            nextOffsets.forEach((p, offset) -> commit.put(new TopicPartition(topics.input(), p), new OffsetAndMetadata(offset)));
            if (!commit.isEmpty()) {
                try {
                    feed.consumer().commitSync(commit);
                } catch (WakeupException e) {
                    // A stop request's wakeup, meant to end a poll, landed on this commit instead
                    // (the feed saw the stop flag first). Thrown once, it is cleared: commit again.
                    feed.consumer().commitSync(commit);
                }
            }
            if (publisher != null) {
                publisher.publish(strategy.key(), ModelCodec.encode(artifact));
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
                    feed.consumer().seek(tp, next);
                } else {
                    // No model state covers this partition yet: learn it from its first record,
                    // whatever the group may have committed before.
                    feed.consumer().seekToBeginning(List.of(tp));
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // A rebalance cuts the mini-batch in progress short: the one case where the
            // mini-batches depend on timing, since the partitions' records may go elsewhere.
            finishAndCheckpoint();
        }
    }
}
