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

/**
 * The scorer's topology: events → {@link ScoringProcessor} → predictions (and dead letters), with
 * the models topic read into a global store by {@link ModelUpdateProcessor}, and the
 * {@link CommitBarrier} that scores the waiting events before each commit.
 */
public final class ScoringTopology {

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
        topology.addStateStore(CommitBarrier.builder(), "score");
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
