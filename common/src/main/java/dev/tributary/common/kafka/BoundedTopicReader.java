package dev.tributary.common.kafka;

import dev.tributary.common.TributaryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads every partition of a topic from its beginning to the end offsets it had when the read
 * began: a finite, repeatable read of a topic that may still be growing. It joins no consumer
 * group and commits nothing. Records are handed over one at a time, so the reader itself
 * holds no more than one poll in memory.
 */
public final class BoundedTopicReader {

    /** A read that makes no progress for this long fails instead of hanging. */
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConnection connection;

    /**
     * @param connection the cluster
     */
    public BoundedTopicReader(KafkaConnection connection) {
        this.connection = connection;
    }

    /**
     * @param topic   the topic
     * @param handler called with each record, in offset order within a partition
     * @return the offset ranges read, one per partition, by partition
     * @throws TributaryException if the topic does not exist or the read stalls
     */
    public List<OffsetRange> read(String topic, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        Map<TopicPartition, Long> ends;
        try (TopicAdmin admin = new TopicAdmin(connection)) {
            ends = admin.endOffsets(topic);
        }
        List<OffsetRange> ranges = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(connection.consumerConfig(null))) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            Map<TopicPartition, Long> starts = Map.copyOf(positions(consumer, ends));
            long lastProgress = System.nanoTime();
            while (!caughtUp(consumer, ends)) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        handler.accept(record);
                    }
                }
                if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new TributaryException("reading " + topic + " from " + connection.bootstrapServers()
                            + " made no progress for " + STALL_TIMEOUT.toSeconds() + " s");
                }
            }
            starts.forEach((tp, start) -> ranges.add(new OffsetRange(tp.partition(), start, ends.get(tp))));
        }
        ranges.sort(Comparator.comparingInt(OffsetRange::partition));
        return ranges;
    }

    private static Map<TopicPartition, Long> positions(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> positions = new java.util.HashMap<>();
        ends.keySet().forEach(tp -> positions.put(tp, consumer.position(tp, STALL_TIMEOUT)));
        return positions;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        for (var e : ends.entrySet()) {
            if (consumer.position(e.getKey(), STALL_TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
