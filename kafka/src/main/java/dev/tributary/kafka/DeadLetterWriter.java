package dev.tributary.kafka;

import dev.tributary.common.TributaryException;
import dev.tributary.common.data.MalformedRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where a stage that consumes a topic puts the records it cannot use: each goes, untouched, to
 * the stage's dead-letter topic as a {@link DeadLetter} (reason, {@code topic-partition@offset},
 * stage); the stage counts it.
 *
 * <p>Sends are asynchronous; {@link #flush()} waits for them and throws if Kafka rejected any.
 * A stage that commits offsets must flush first, so that no rejected record is committed past
 * before its dead letter is safely written.
 */
public final class DeadLetterWriter implements AutoCloseable {

    private final String topic;
    private final String stage;
    private final Producer<byte[], byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Callback onCompletion = (metadata, e) -> {
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    };

    private DeadLetterWriter(String topic, String stage, Producer<byte[], byte[]> producer) {
        this.topic = topic;
        this.stage = stage;
        this.producer = producer;
    }

    /**
     * Creates the dead-letter topic if needed (one partition) and a producer for it.
     *
     * @param connection        the cluster
     * @param topic             the dead-letter topic
     * @param stage             the stage that rejects records, recorded in each dead letter
     * @param replicationFactor replication of a new topic (-1: the broker's default)
     * @return the writer, which the caller closes
     * @throws TributaryException if the topic cannot be created
     */
    public static DeadLetterWriter open(KafkaConnection connection, String topic, String stage, short replicationFactor) {
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            admin.ensureTopic(topic, 1, replicationFactor, Map.of());
        }
        return new DeadLetterWriter(topic, stage, new KafkaProducer<>(connection.producerConfig()));
    }

    /**
     * Sends a rejected record, with the rejection's reason, to the dead-letter topic.
     *
     * @param record    the record as it was consumed
     * @param rejection why it was rejected
     */
    public void reject(ConsumerRecord<byte[], byte[]> record, MalformedRecordException rejection) {
        String source = DeadLetter.source(record.topic(), record.partition(), record.offset());
        producer.send(new DeadLetter(record.key(), record.value(), rejection.getMessage(), source, stage).toRecord(topic),
                onCompletion);
    }

    /**
     * Waits until every dead letter sent so far is acknowledged.
     *
     * @throws TributaryException if Kafka rejected any of them
     */
    public void flush() {
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new TributaryException("could not write a dead letter to " + topic + ": " + e, e);
        }
    }

    /** @return the dead-letter topic */
    public String topic() {
        return topic;
    }

    /** Flushes what is pending, then closes the producer. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
        }
    }
}
