package dev.tributary.serving;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.KafkaConnection;
import dev.tributary.kafka.ModelTopic;
import dev.tributary.kafka.TopicAdmin;
import dev.tributary.model.NeuralNetwork;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A running scorer instance (see the package documentation). Instances with the same
 * application id share the events topic's partitions; each reads every model.
 */
public final class ModelScorer implements AutoCloseable {

    /** The stage named in the scorer's dead letters, and in its dead-letter topic's name. */
    public static final String STAGE = ScoringProcessor.STAGE;

    private final KafkaStreams streams;
    private final ServingModel serving;

    private ModelScorer(KafkaStreams streams, ServingModel serving) {
        this.streams = streams;
        this.serving = serving;
    }

    /**
     * The scorer's settings.
     *
     * @param applicationId   the Streams application id (instances with one id share the work)
     * @param strategy        whose models to serve
     * @param topics          its topics
     * @param maxBatch        the largest micro-batch (rows per network call)
     * @param flushIntervalMs how long a partial micro-batch may wait, in ms
     * @param exactlyOnce     {@code exactly_once_v2} instead of at-least-once
     * @param stateDir        Streams' state directory
     * @param unlabelled      whether events come keyed by their id, their labels late on a topic of their own
     */
    public record Settings(String applicationId, String strategy, ScoringTopology.ScoringTopics topics, int maxBatch,
                           long flushIntervalMs, boolean exactlyOnce, Path stateDir, boolean unlabelled,
                           long commitIntervalMs) {

        /** The largest micro-batch by default: rows per network call. */
        public static final int DEFAULT_MAX_BATCH = 256;
        /** How long a partial micro-batch may wait by default, ms. */
        public static final long DEFAULT_FLUSH_INTERVAL_MS = 1;
        /**
         * At least once, a crash re-scores what came since the last commit: Streams' default of
         * 30 s made that tens of thousands of duplicate predictions; a second bounds it to about a
         * second of events for a commit a second, which costs the scorer little.
         */
        public static final long DEFAULT_AT_LEAST_ONCE_COMMIT_MS = 1_000;
        /** Exactly once, a commit ends a transaction and bounds latency: Streams' own default. */
        public static final long DEFAULT_EXACTLY_ONCE_COMMIT_MS = 100;

        /** Rejects settings the stream thread would die of, naming the option that sets each. */
        public Settings {
            requireValid(maxBatch, flushIntervalMs, commitIntervalMs);
        }

        /**
         * The one rule for the scorer's sizes and intervals, for a command to check before it
         * starts anything (a broker, a model's training) that a bad value would waste.
         *
         * @throws dev.tributary.common.config.ConfigException naming the option of the first bad value
         */
        public static void requireValid(int maxBatch, long flushIntervalMs, long commitIntervalMs) {
            dev.tributary.common.config.ConfigException.require(maxBatch >= 1, "--max-batch", maxBatch, "at least 1 row");
            dev.tributary.common.config.ConfigException.require(flushIntervalMs >= 1, "--flush-interval-ms",
                    flushIntervalMs, "at least 1 ms");
            dev.tributary.common.config.ConfigException.require(commitIntervalMs >= 1, "--commit-interval-ms",
                    commitIntervalMs, "at least 1 ms");
        }

        /** A scorer committing at the default interval of its guarantee. */
        public Settings(String applicationId, String strategy, ScoringTopology.ScoringTopics topics, int maxBatch,
                        long flushIntervalMs, boolean exactlyOnce, Path stateDir, boolean unlabelled) {
            this(applicationId, strategy, topics, maxBatch, flushIntervalMs, exactlyOnce, stateDir, unlabelled,
                    defaultCommitIntervalMs(exactlyOnce));
        }

        /** A scorer of events that carry their labels (the key is the class). */
        public Settings(String applicationId, String strategy, ScoringTopology.ScoringTopics topics, int maxBatch,
                        long flushIntervalMs, boolean exactlyOnce, Path stateDir) {
            this(applicationId, strategy, topics, maxBatch, flushIntervalMs, exactlyOnce, stateDir, false);
        }

        /**
         * @param exactlyOnce the guarantee
         * @return its default commit interval, ms
         */
        public static long defaultCommitIntervalMs(boolean exactlyOnce) {
            return exactlyOnce ? DEFAULT_EXACTLY_ONCE_COMMIT_MS : DEFAULT_AT_LEAST_ONCE_COMMIT_MS;
        }
    }

    /**
     * Creates the output topics if needed (as many partitions as the events topic) and starts
     * scoring.
     *
     * @param connection the cluster
     * @param schema     the events' schema
     * @param settings   the scorer's settings
     * @return the running scorer
     */
    public static ModelScorer start(KafkaConnection connection, Schema schema, Settings settings) {
        var topics = settings.topics();
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            var events = admin.describe(topics.events());
            short rf = (short) events.partitions().get(0).replicas().size();
            admin.ensureTopic(topics.predictions(), events.partitions().size(), rf, Map.of());
            admin.ensureTopic(topics.deadLetter(), 1, rf, Map.of());
            ModelTopic.ensure(connection, topics.models(), rf);
        }
        warmUpBackend(schema);
        ServingModel serving = new ServingModel(settings.strategy());
        KafkaStreams streams = new KafkaStreams(ScoringTopology.build(topics, schema, serving, settings.maxBatch(),
                Duration.ofMillis(settings.flushIntervalMs()), settings.unlabelled()), config(connection, settings));
        streams.setUncaughtExceptionHandler(e -> {
            org.slf4j.LoggerFactory.getLogger(ModelScorer.class).error("Scorer thread failed", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.start();
        return new ModelScorer(streams, serving);
    }

    /**
     * ND4J loads its native backend on first use, seconds in a cold JVM; done here, before scoring
     * starts, the first model swap is not a stall during which events are answered without a model
     * (measured with the stages as separate processes: 294 of 559 events at 100 events/s).
     */
    private static void warmUpBackend(Schema schema) {
        NeuralNetwork.create(new ModelConfig(List.of(1), 1e-3), schema.numFeatures(), schema.numClasses(), 0)
                .predictProbabilities(new double[1][schema.numFeatures()]);
    }

    /**
     * The shared settings ({@link StreamsApplications#config}: a producer that sends at once), byte
     * serdes, the guarantee, models as large as the models topic allows, and polls of at least a
     * micro-batch. The user's client properties apply on top, as for every other client. Public
     * so that a benchmark's passthrough application runs with exactly the scorer's settings.
     *
     * @param connection the cluster
     * @param settings   the scorer's settings
     * @return the Streams configuration the scorer runs with
     */
    public static Properties config(KafkaConnection connection, Settings settings) {
        Properties p = StreamsApplications.config(connection, settings.applicationId(), settings.stateDir());
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                settings.exactlyOnce() ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        p.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), ModelTopic.MAX_MODEL_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), Math.max(settings.maxBatch(), 500));
        return StreamsApplications.withClientProperties(p, connection);
    }

    /**
     * @param timeout how long to wait
     * @return whether the scorer reached RUNNING in time
     */
    public boolean awaitRunning(Duration timeout) {
        return StreamsApplications.awaitRunning(streams, timeout, "scorer");
    }

    /** @return the model holder (version served, swaps, rejections) */
    public ServingModel serving() {
        return serving;
    }

    /** @return the number of events-topic partitions this instance scores now */
    public int assignedPartitions() {
        return streams.metadataForLocalThreads().stream()
                .mapToInt(t -> t.activeTasks().stream().mapToInt(task -> task.topicPartitions().size()).sum()).sum();
    }

    /** @return the Streams state */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Stops scoring: commits, then leaves the group, so that other instances take the partitions
     * over at once instead of after this member's session timeout (45 s by default). Events
     * waiting in a partial micro-batch are scored before that commit (see {@link CommitBarrier}).
     */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
