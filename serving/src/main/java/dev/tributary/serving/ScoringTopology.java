package dev.tributary.serving;

import dev.tributary.common.config.TopicNames;
import dev.tributary.common.data.Schema;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Map;

/**
 * The scorer's topology: events → {@link ScoringProcessor} → predictions (and dead letters), with
 * the models topic read into a global store by {@link ModelUpdateProcessor}.
 */
public final class ScoringTopology {

    /**
     * The buffer is cached (Streams' record cache): between two commits only each slot's and the
     * watermark's latest value reach the changelog, written when Streams flushes the cache just
     * before it commits the offsets (see {@link ScoringProcessor}). The buffer's changelog is compacted (Streams' default); small segments let the cleaner
     * reach it soon, since an in-memory store is restored from the changelog's start and an
     * uncompacted one holds a record per event ever scored.
     */
    static final Map<String, String> BUFFER_CHANGELOG_CONFIG = Map.of(
            "segment.bytes", Integer.toString(1 << 20),
            "segment.ms", Long.toString(Duration.ofMinutes(10).toMillis()));

    private ScoringTopology() {
    }

    /**
     * @param topics        the topics
     * @param schema        the events' schema
     * @param serving       the model holder the processors share
     * @param maxBatch      the largest micro-batch
     * @param flushInterval how long a partial micro-batch may wait
     * @param unlabelled    whether events come keyed by their id, their labels late on a topic of their own
     * @return the topology
     */
    public static Topology build(ScoringTopics topics, Schema schema, ServingModel serving, int maxBatch,
                                 Duration flushInterval, boolean unlabelled) {
        Topology topology = new Topology();
        topology.addSource("events", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.events());
        topology.addProcessor("score", () -> new ScoringProcessor(serving, schema, maxBatch, flushInterval, unlabelled), "events");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ScoringProcessor.BUFFER),
                Serdes.Integer(), Serdes.ByteArray()).withLoggingEnabled(BUFFER_CHANGELOG_CONFIG)
                .withCachingEnabled(), "score");
        topology.addSink(ScoringProcessor.PREDICTIONS_SINK, topics.predictions(), new ByteArraySerializer(),
                new ByteArraySerializer(), "score");
        topology.addSink(ScoringProcessor.DEAD_LETTER_SINK, topics.deadLetter(), new ByteArraySerializer(),
                new ByteArraySerializer(), "score");
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ModelUpdateProcessor.STORE), Serdes.String(),
                        Serdes.ByteArray()).withLoggingDisabled(),
                "models", new StringDeserializer(), new ByteArrayDeserializer(), topics.models(), "update-model",
                () -> new ModelUpdateProcessor(serving, schema));
        return topology;
    }

    /**
     * The scorer's topics.
     *
     * @param events      scored
     * @param models      the compacted models topic
     * @param predictions written: one record per event
     * @param deadLetter  written: events that cannot be decoded, with the reason
     */
    public record ScoringTopics(String events, String models, String predictions, String deadLetter) {

        /**
         * @param names a scenario's (or a measured run's) names
         * @return its events, models, predictions and scorer dead-letter topics
         */
        public static ScoringTopics of(TopicNames names) {
            return new ScoringTopics(names.events(), names.models(), names.predictions(), names.deadLetter(ModelScorer.STAGE));
        }

        /** @return every topic, for deleting them */
        public java.util.List<String> all() {
            return java.util.List.of(events, models, predictions, deadLetter);
        }
    }
}
