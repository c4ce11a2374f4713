package dev.tributary.kafka;

import dev.tributary.common.TributaryException;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * The labels of a stream whose labels come late, read from their topic (one partition, written
 * in the order they fall due, which is the order of their events' ids) as a learner asks for them.
 *
 * <p>A label is claimed once, by its event's id, in increasing id order. Labels read but not
 * claimed before a larger id is asked for (and any that come out of order) belong to events the learner no longer holds (dropped
 * past its horizon): they are counted as unclaimed and discarded. Undecodable records go to the
 * stage's dead-letter topic, counted. So labels read = claimed + unclaimed + rejected + held.
 *
 * <p>Memory: the labels of one poll at most, since the feed polls only when a label it is asked
 * for has not arrived.
 */
public final class LabelFeed implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    /** A label as it arrived: the class and when it fell due (the record's timestamp, ms since the epoch). */
    public record Label(int label, long timestampMs) {
    }

    private record Held(long id, Label label) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final ExampleCodec codec;
    private final DeadLetterWriter deadLetters;
    private final long stallTimeoutMs;
    /** Labels read and not yet claimed, in the order they came (which is their ids' order). */
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** The largest id read so far: a smaller one asked for and not held will not come. */
    private long highestId = -1;
    private long read;
    private long claimed;
    private long unclaimed;
    private long rejected;

    /**
     * @param connection     the cluster
     * @param topic          the labels topic, read from its beginning
     * @param schema         the stream's classes
     * @param deadLetters    where undecodable label records go
     * @param maxPollRecords records per poll
     * @param stallTimeoutMs how long to wait for a label before failing
     * @throws TributaryException if the topic does not exist
     */
    public LabelFeed(KafkaConnection connection, String topic, Schema schema, DeadLetterWriter deadLetters,
                     int maxPollRecords, long stallTimeoutMs) {
        Map<String, Object> config = connection.consumerConfig(null);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.codec = ExampleCodec.forSchema(schema);
        this.deadLetters = deadLetters;
        this.stallTimeoutMs = stallTimeoutMs;
        try {
            if (consumer.partitionsFor(topic, METADATA_TIMEOUT).isEmpty()) {
                throw new TributaryException("labels topic " + topic + " does not exist on " + connection.bootstrapServers());
            }
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Waits for the label of event {@code id}, which must exceed every id asked for before.
     *
     * @param id the event's id
     * @return its label, or {@code null} if the topic has passed it without one
     * @throws TributaryException if no label at or past {@code id} arrives within the stall timeout
     */
    public Label claim(long id) {
        discardBelow(id);
        long deadline = System.nanoTime() + stallTimeoutMs * 1_000_000;
        while (highestId < id) {
            if (System.nanoTime() > deadline) {
                throw new TributaryException("waited " + stallTimeoutMs / 1000 + " s for the label of event " + id
                        + " on " + topic + " (" + read + " labels read, the last for event " + highestId
                        + "): is the producer writing it?");
            }
            poll(POLL_TIMEOUT);
        }
        discardBelow(id);
        if (held.isEmpty() || held.peek().id() != id) {
            return null;
        }
        claimed++;
        return held.poll().label();
    }

    /**
     * Does not wait: one poll at most, if the label of event {@code id} has not come yet.
     *
     * @param id the event's id, which must exceed every id claimed before
     * @return its label, or {@code null} if it has not come (yet: see {@link #passed})
     */
    public Label tryClaim(long id) {
        discardBelow(id);
        if (highestId < id) {
            poll(Duration.ZERO);
            discardBelow(id);
        }
        if (held.isEmpty() || held.peek().id() != id) {
            return null;
        }
        claimed++;
        return held.poll().label();
    }

    /**
     * @param id an event's id
     * @return whether the topic has gone past it: a label for it that has not come will not
     */
    public boolean passed(long id) {
        return highestId > id;
    }

    /**
     * Reads on until {@code total} labels have been read (the stream's every label), discarding
     * those not claimed, so that the counts reconcile at the end of a stream.
     *
     * @param total the labels the topic holds once the producer is done
     * @throws TributaryException if they do not arrive within the stall timeout
     */
    public void drain(long total) {
        long deadline = System.nanoTime() + stallTimeoutMs * 1_000_000;
        while (read < total) {
            if (System.nanoTime() > deadline) {
                throw new TributaryException("read " + read + " of " + total + " labels from " + topic + ", then nothing for "
                        + stallTimeoutMs / 1000 + " s");
            }
            poll(POLL_TIMEOUT);
        }
        discardBelow(Long.MAX_VALUE);
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            read++;
            try {
                long id = ExampleCodec.decodeEventId(record.key());
                held.add(new Held(id, new Label(codec.decodeLabel(record.value()), record.timestamp())));
                highestId = Math.max(highestId, id);
            } catch (MalformedRecordException e) {
                rejected++;
                deadLetters.reject(record, e);
            }
        }
    }

    private void discardBelow(long id) {
        while (!held.isEmpty() && held.peek().id() < id) {
            held.poll();
            unclaimed++;
        }
    }

    /** @return label records read so far */
    public long read() {
        return read;
    }

    /** @return labels handed to the learner */
    public long claimed() {
        return claimed;
    }

    /** @return labels that came for events no longer held (dropped past the horizon) */
    public long unclaimed() {
        return unclaimed;
    }

    /** @return label records that could not be decoded, sent to the dead-letter topic */
    public long rejected() {
        return rejected;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
