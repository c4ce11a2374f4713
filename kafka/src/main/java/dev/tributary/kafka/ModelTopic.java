package dev.tributary.kafka;

import dev.tributary.common.TributaryException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The model as a stream: a compacted topic, {@code <scenario>-models}, keyed by strategy, whose
 * latest record per key is that strategy's current model ({@link ModelCodec}'s bytes, which
 * carry the version and the offsets the model has seen). Trainers publish every version;
 * scorers read it and swap models as they arrive.
 */
public final class ModelTopic implements AutoCloseable {

    /** The largest model record: a model with its optimiser state is about 1 MB for the tutorial's MLP. */
    public static final int MAX_MODEL_BYTES = 16 * 1024 * 1024;

    private final String topic;
    private final Producer<byte[], byte[]> producer;

    private ModelTopic(String topic, Producer<byte[], byte[]> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    /**
     * Creates the topic if needed (compacted, records up to {@link #MAX_MODEL_BYTES}) and a
     * producer for it.
     *
     * @param connection        the cluster
     * @param topic             the models topic
     * @param replicationFactor replication of a new topic (-1: the broker's default)
     * @return a publisher
     */
    public static ModelTopic open(KafkaConnection connection, String topic, short replicationFactor) {
        ensure(connection, topic, replicationFactor);
        Map<String, Object> config = connection.producerConfig();
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MODEL_BYTES);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new ModelTopic(topic, new KafkaProducer<>(config));
    }

    /**
     * @param connection        the cluster
     * @param topic             the models topic
     * @param replicationFactor replication of a new topic
     */
    public static void ensure(KafkaConnection connection, String topic, short replicationFactor) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            admin.ensureTopic(topic, 1, replicationFactor, Map.of(
                    "cleanup.policy", "compact",
                    "max.message.bytes", Integer.toString(MAX_MODEL_BYTES)));
        }
    }

    /**
     * Reads the topic to its current end for the latest record of one strategy: what a scorer
     * would serve, and, since a trainer publishes every checkpoint, that strategy's newest
     * checkpoint, whichever process wrote it. Only the latest value is kept in memory.
     *
     * @param connection the cluster
     * @param topic      the models topic, which must exist
     * @param strategy   the key
     * @return the latest record's value (encoded model), or empty if there is none or it is a tombstone
     * @throws TributaryException if the topic cannot be read
     */
    public static Optional<byte[]> latest(KafkaConnection connection, String topic, String strategy) {
        byte[] key = strategy.getBytes(StandardCharsets.UTF_8);
        byte[][] latest = new byte[1][];
        try (TopicFeed feed = TopicFeed.fromBeginning(connection, topic, TopicFeed.Settings.toEnd(16))) {
            feed.run(record -> {
                if (Arrays.equals(key, record.key())) {
                    latest[0] = record.value();
                }
                return true;
            });
        }
        return Optional.ofNullable(latest[0]);
    }

    /**
     * Publishes a model version and waits for the acknowledgement.
     *
     * @param strategy the key: whose model it is
     * @param model    the encoded model artifact (the model module's {@code ModelCodec})
     * @throws TributaryException if Kafka rejects it
     */
    public void publish(String strategy, byte[] model) {
        try {
            producer.send(new ProducerRecord<>(topic, strategy.getBytes(StandardCharsets.UTF_8), model)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while publishing a model to " + topic, e);
        } catch (ExecutionException e) {
            throw new TributaryException("could not publish a " + strategy + " model (" + model.length + " bytes) to "
                    + topic + ": " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
