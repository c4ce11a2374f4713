package dev.tributary.stream;

import dev.tributary.common.ProgressListener;
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
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.kafka.TopicFeed;
import dev.tributary.model.CpuClock;
import dev.tributary.model.ModelArtifact;
import dev.tributary.model.ModelCodec;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.provenance.TrainingSummary;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
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
 *
 * <p><b>One trainer per model, by construction.</b> Two trainers sharing a group would split the
 * partitions between two models and publish two interleaved lines of versions. So the trainer's
 * consumer group is also its lock: every partition goes to one member, the owner, and any other
 * member is a standby that reads and trains nothing ({@link TopicFeed#subscribeAsSoleOwner}). A
 * member joining leaves the partitions with the owner; when the owner leaves (a stop, SIGTERM)
 * or its session expires ({@code kill -9}, a hang), one standby is given them and resumes from
 * the newest checkpoint there is: its own file, or the latest model of its strategy on the models
 * topic, which every checkpoint is published to, whichever process wrote it (so the instances
 * need not share an output directory). The group was chosen over a lock of its own (a second
 * group on a coordination topic, or a producer's {@code transactional.id}) because it is the one
 * thing whose membership already decides who reads the partitions and whose generation already
 * fences commits: a second lock could disagree with it, for example in the seconds after a
 * session timeout. Kafka's eager rebalancing makes the handover safe: the owner's revocation,
 * which learns its mini-batch in progress, checkpoints, publishes and commits, finishes before the
 * group assigns the partitions again. Hence:
 * <ul>
 *   <li>no record is trained on by two live instances: a standby trains nothing, and the next
 *       owner starts at the offsets of the checkpoint the last one wrote as it let go;</li>
 *   <li>committed offsets never go backwards: a checkpoint is written, then published, then
 *       committed, so whatever was committed is covered by a published checkpoint that the next
 *       owner resumes from, and a member the group has dropped cannot commit at all (its commit
 *       is refused, and it discards what it trained since its checkpoint);</li>
 *   <li>model versions on the models topic only increase: an owner continues the version numbers
 *       from the topic's latest version for its strategy.</li>
 * </ul>
 * The one gap, which a transactional publisher would close: a process frozen for longer than the
 * session timeout between writing a checkpoint and publishing it publishes that version on
 * waking, after its successor has resumed from the one before, so the topic then carries one
 * version number twice. Its commit is refused, so the offsets stay right.
 *
 * <p><b>A checkpoint belongs to one topic incarnation and one scenario.</b> Each checkpoint
 * records Kafka's ID of its topic and the scenario's fingerprint ({@link ModelMetadata#topicId()},
 * {@link ModelMetadata#scenarioFingerprint()}). Resuming from a checkpoint file of another topic
 * ID (the topic was deleted and re-created, so its offsets are other records') or of another
 * fingerprint is refused, naming both, until the file is deleted; a model of that kind on the
 * models topic is passed over. A checkpoint written before these were recorded is resumed with
 * a warning, unchecked.
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
     * @param artifact the model (its metadata counts records over all runs); {@code null} if this
     *                 run was a standby throughout and had no checkpoint of its own
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
        return run(ProgressListener.NONE);
    }

    /**
     * @param progress hears how many records this run has read (of {@code stream.max-records}, if set)
     * @return the final model and this run's summary
     * @throws TributaryException as {@link #run()}
     */
    public Result run(ProgressListener progress) {
        return stop.run(() -> new Session(progress).run());
    }

    /** The mutable state of one run, so that the trainer itself stays a description. */
    private final class Session implements ConsumerRebalanceListener {
        private final long startNanos = System.nanoTime();
        private final long startCpu = CpuClock.threadCpuNanos();
        private final Map<Integer, Long> nextOffsets = new TreeMap<>();
        private final Map<Integer, Long> firstOffsets = new TreeMap<>();
        private OnlineLearner learner;
        private boolean resumed;
        private TopicFeed feed;
        private ModelTopic publisher;
        private ExampleReader reader;
        /** The model as last written or resumed from; what a run returns, so the caller sees exactly the saved state. */
        private ModelArtifact saved;
        /** The version of the newest model this run knows of, its own or on the models topic; the next is one more. */
        private long version;
        /** The timestamp of the newest record read; at a checkpoint, the model has learned it. */
        private long lastEventMs;
        private long trained;
        private long checkpoints;
        /** Records (trained or rejected) whose offsets are not yet in a checkpoint. */
        private long sinceCheckpoint;
        /** Whether this member holds the partitions. A standby reads, trains, writes and publishes nothing. */
        private boolean active;
        /** Whether the learner's progress past {@link #saved} went with partitions this member lost. */
        private boolean lost;
        /** Whether {@link #saved}'s offsets still wait to be committed (a commit cut short by a rebalance). */
        private boolean uncommitted;
        /** The input topic's Kafka ID when this member was last given its partitions. */
        private String topicId;
        private boolean announcedStandby;
        private final ProgressListener progress;
        /** Records read in this run, trained or rejected: what the progress shows. */
        private long read;

        Session(ProgressListener progress) {
            this.progress = progress;
            if (Files.exists(checkpointFile)) {
                ModelArtifact checkpoint = ModelCodec.read(checkpointFile);
                // Refused before joining the group when the topic already exists; checked again on assignment.
                String currentId = currentTopicIdIfExists();
                if (!requireResumable(checkpoint.metadata(), currentId)) {
                    LOG.warn("Checkpoint {} records no topic ID or scenario fingerprint (written before they were "
                            + "recorded): resuming without checking that {} is the topic incarnation and the scenario it "
                            + "was trained on", checkpointFile, topics.input());
                }
                adopt(checkpoint);
                LOG.info("Resuming from checkpoint {} (version {}, {} records seen, next offsets {})",
                        checkpointFile, version, checkpoint.metadata().recordsSeen(), nextOffsets);
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
                 TopicFeed kafka = TopicFeed.subscribeAsSoleOwner(connection, topics.input(), config.stream().groupId(),
                         this, settings)) {
                reader = new ExampleReader(config.schema(), rejects);
                publisher = models;
                feed = kafka;
                long limit = config.stream().maxRecords();
                progress.start("training " + strategy.key() + " on " + topics.input(), limit > 0 ? limit : -1, "records");
                try {
                    if (!stop.attach(kafka)) {
                        LOG.info("Stream trainer stopping: {}", kafka.run(this::train));
                    }
                    if (active) {
                        finishAndCheckpoint();
                    }
                } catch (RuntimeException | Error e) {
                    // Closing the feed revokes the partitions, whose listener would checkpoint again:
                    // after a failed checkpoint (a full disk) it would fail alike, and Kafka would log
                    // the listener's trace; the one error is this one. A restart resumes as after a crash.
                    active = false;
                    throw e;
                } finally {
                    progress.advance(read);
                    progress.finish();
                }
            } catch (KafkaException e) {
                // A refusal thrown by the rebalance listener comes out of poll wrapped by Kafka.
                if (e.getCause() instanceof TributaryException refusal) {
                    throw refusal;
                }
                throw e;
            }
            List<OffsetRange> ranges = new ArrayList<>();
            firstOffsets.forEach((p, first) -> ranges.add(new OffsetRange(p, first,
                    Math.max(first, nextOffsets.getOrDefault(p, first)))));
            ranges.sort(Comparator.comparingInt(OffsetRange::partition));
            TrainingSummary summary = new TrainingSummary(strategy.key(), topics.input(), ranges, trained,
                    reader.rejected(), learner.gradientSteps(), checkpoints, (System.nanoTime() - startNanos) / 1_000_000,
                    (CpuClock.threadCpuNanos() - startCpu) / 1_000_000);
            LOG.info("Stream trainer stopped: {} records trained in this run ({} rejected to {}), {} steps, {} checkpoints",
                    trained, reader.rejected(), topics.deadLetter(), learner.gradientSteps(), checkpoints);
            return new Result(saved, summary, resumed);
        }

        private boolean train(ConsumerRecord<byte[], byte[]> record) {
            if (!active) {
                // The rest of a poll after a failed commit: the partitions are another member's now.
                return true;
            }
            Example example = reader.read(record);
            if (example != null) {
                learner.learn(example.features(), example.label());
                trained++;
            }
            if (++read % ProgressListener.EVERY == 0) {
                progress.advance(read);
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
                    config.numClasses(), config.seeds().model(), lastEventMs, topicId, config.scenarioFingerprint()));
        }

        /** Learns an incomplete mini-batch, so that the checkpoint covers every record read. */
        private void finishAndCheckpoint() {
            learner.finish();
            checkpoint();
        }

        /**
         * Writes the checkpoint, then publishes the version, then commits its offsets (never the
         * other way round): whatever the group has committed, the models topic holds a checkpoint
         * at or past it, so that the member that takes over, which resumes from the newest
         * checkpoint it can find, never commits an offset lower than one already committed.
         */
        private void checkpoint() {
            if (sinceCheckpoint == 0 && saved != null) {
                if (uncommitted) {
                    commit();
                }
                return;
            }
            // Before the commit below moves past them.
            reader.flush();
            version++;
            ModelArtifact artifact = artifact();
            ModelCodec.write(artifact, checkpointFile);
            saved = artifact;
            if (publisher != null) {
                publisher.publish(strategy.key(), ModelCodec.encode(artifact));
            }
            checkpoints++;
            sinceCheckpoint = 0;
            commit();
            LOG.debug("Checkpoint version {} at {}", version, nextOffsets);
        }

        /** Commits {@link #saved}'s offsets. */
        private void commit() {
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            nextOffsets.forEach((p, offset) -> commit.put(new TopicPartition(topics.input(), p), new OffsetAndMetadata(offset)));
            uncommitted = false;
            if (commit.isEmpty()) {
                return;
            }
            try {
                try {
                    feed.consumer().commitSync(commit);
                } catch (WakeupException e) {
                    // A stop request's wakeup, meant to end a poll, landed on this commit instead
                    // (the feed saw the stop flag first). Thrown once, it is cleared: commit again.
                    feed.consumer().commitSync(commit);
                }
            } catch (RebalanceInProgressException e) {
                // The partitions are about to be revoked, and the revocation commits these offsets.
                uncommitted = true;
                LOG.info("Commit of checkpoint version {} deferred to the rebalance in progress", version);
            } catch (CommitFailedException e) {
                // This member was removed from the group (its session expired): another member may
                // own the partitions and have resumed from the newest checkpoint. The group refused
                // the commit; what this member trained since then is discarded.
                active = false;
                lost = true;
                LOG.warn("The group {} no longer counts this member (session expired?): checkpoint version {} was "
                        + "not committed; waiting to be given the partitions again", config.stream().groupId(), version);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                if (!announcedStandby) {
                    // Also what a sole member is given while the topic does not exist yet.
                    LOG.info("Standby: no partition of {} assigned (another member of group {} trains on it, or it does "
                            + "not exist yet); this one trains nothing until it is given them", topics.input(),
                            config.stream().groupId());
                    announcedStandby = true;
                }
                return;
            }
            activate();
            LOG.info("Training: this member of group {} holds every partition of {} ({}), continuing after version {}",
                    config.stream().groupId(), topics.input(), partitions.size(), version);
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

        /**
         * Becomes the group's trainer: resumes from the newest checkpoint there is (this member's
         * own model, the checkpoint file, or the latest on the models topic, which another member
         * may have published), and continues the version numbers from the topic's latest.
         */
        private void activate() {
            try (TopicAdmin admin = new TopicAdmin(connection)) {
                topicId = admin.topicId(topics.input());
            }
            ModelArtifact current = lost ? null : saved;
            if (current != null) {
                // The topic may have been re-created while this member waited.
                requireResumable(current.metadata(), topicId);
            }
            // The newest wins; on a tie this member's own model, then the published one (what the
            // group committed to), then the file.
            long best = current == null ? -1 : current.metadata().version();
            Candidate newest = null;
            byte[] fileBytes = readIfExists(checkpointFile);
            if (fileBytes != null) {
                ModelMetadata meta = ModelCodec.decodeMetadata(fileBytes);
                requireResumable(meta, topicId);
                if (meta.version() > best) {
                    newest = new Candidate("checkpoint " + checkpointFile, meta, fileBytes);
                    best = meta.version();
                }
            }
            long publishedVersion = 0;
            if (publisher != null) {
                byte[] bytes = ModelTopic.latest(connection, topics.models(), strategy.key()).orElse(null);
                if (bytes != null) {
                    ModelMetadata meta = ModelCodec.decodeMetadata(bytes);
                    publishedVersion = meta.version();
                    if ((meta.version() > best || meta.version() == best && newest != null) && resumable(meta)) {
                        newest = new Candidate("the latest " + strategy.key() + " model on " + topics.models(), meta, bytes);
                    }
                }
            }
            if (newest != null) {
                adopt(ModelCodec.decode(newest.bytes()));
                LOG.info("Resuming from {} (version {}, {} records seen, next offsets {})", newest.what(),
                        newest.meta().version(), newest.meta().recordsSeen(), nextOffsets);
            } else if (current == null && lost) {
                // Nothing was saved before the partitions were lost: start again from nothing.
                learner = OnlineLearner.fresh(config);
                saved = null;
                nextOffsets.clear();
                lastEventMs = 0;
                sinceCheckpoint = 0;
            }
            version = Math.max(version, publishedVersion);
            lost = false;
            active = true;
            announcedStandby = false;
        }

        /** A model to resume from, with where it came from. */
        private record Candidate(String what, ModelMetadata meta, byte[] bytes) {
        }

        /** Takes a checkpoint's model, positions and version as this run's. */
        private void adopt(ModelArtifact checkpoint) {
            ModelMetadata meta = checkpoint.metadata();
            learner = OnlineLearner.resume(strategy, checkpoint, config);
            saved = checkpoint;
            nextOffsets.clear();
            nextOffsets.putAll(meta.nextOffsets());
            version = Math.max(version, meta.version());
            lastEventMs = meta.lastEventMs();
            sinceCheckpoint = 0;
            uncommitted = false;
            resumed = true;
        }

        /**
         * @return whether the checkpoint recorded its topic ID and scenario fingerprint (false: an
         *         old one, resumed unchecked)
         * @throws TributaryException if it belongs to another topic, schema, topic incarnation or scenario
         */
        private boolean requireResumable(ModelMetadata meta, String currentTopicId) {
            String what = "checkpoint " + checkpointFile;
            if (!meta.topic().equals(topics.input())) {
                throw new TributaryException(what + " was trained on topic " + meta.topic()
                        + ", not on " + topics.input() + "; remove it or choose another --output");
            }
            meta.requireFits(config.schema(), what);
            return meta.requireOrigin(currentTopicId, config.scenarioFingerprint(), what,
                    "delete " + checkpointFile + " (or choose another --output)");
        }

        /** Whether a model on the models topic may be resumed from; one of other data is passed over. */
        private boolean resumable(ModelMetadata meta) {
            try {
                if (!meta.topic().equals(topics.input())) {
                    throw new TributaryException("it was trained on " + meta.topic());
                }
                meta.requireFits(config.schema(), "it");
                meta.requireOrigin(topicId, config.scenarioFingerprint(), "it", "nothing");
                return true;
            } catch (TributaryException e) {
                LOG.info("Not resuming from the latest {} model on {} (version {}): {}", strategy.key(), topics.models(),
                        meta.version(), e.getMessage());
                return false;
            }
        }

        private String currentTopicIdIfExists() {
            try (TopicAdmin admin = new TopicAdmin(connection)) {
                return admin.exists(topics.input()) ? admin.topicId(topics.input()) : null;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!active || partitions.isEmpty()) {
                return;
            }
            // A rebalance cuts the mini-batch in progress short: the one case where the
            // mini-batches depend on timing, since the partitions' records may go elsewhere.
            finishAndCheckpoint();
            active = false;
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (!active) {
                return;
            }
            // Another member may own them already: nothing may be committed or published for them.
            active = false;
            lost = true;
            LOG.warn("Lost the partitions of {} (session expired?): what was trained since checkpoint version {} is "
                    + "discarded", topics.input(), saved == null ? 0 : saved.metadata().version());
        }
    }

    private static byte[] readIfExists(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (java.io.IOException e) {
            throw new TributaryException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
