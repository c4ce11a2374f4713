package dev.tributary.kafka;

import dev.tributary.common.provenance.OffsetRange;
import dev.tributary.common.TributaryException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way the project reads a topic: poll, hand each record over in offset order, and stop
 * on a count, at the end offsets the topic had when the feed opened, when idle, or when asked.
 * The stream trainer, the batch trainer, the experiment's protocols, the holdout evaluator and
 * the measuring commands all read through it, so that they stop, time out and fail alike.
 *
 * <p>A feed either takes every partition itself from the beginning ({@link #fromBeginning}: no
 * consumer group, nothing committed) or joins a consumer group ({@link #subscribe}: the
 * owner positions and commits through {@link #consumer()} and its rebalance listener), possibly
 * as the group's sole owner ({@link #subscribeAsSoleOwner}). Waiting for a group to assign
 * partitions is not idleness, nor is a broker outage: a feed that stops when idle asks the broker
 * before it stops, and goes on waiting while the broker does not answer.
 *
 * <p>Memory: one poll ({@link Settings#maxPollRecords()} records). Decoding examples and the
 * poison-record policy are {@link ExampleReader}'s.
 */
public final class TopicFeed implements AutoCloseable {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    /** How long the broker has to answer before the quiet counts as an outage (see {@link #idleConfirmed}). */
    private static final Duration OUTAGE_PROBE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(TopicFeed.class);
    /** How long partition metadata may take to arrive before the topic is taken to be missing. */
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

    /** What to do after {@link Settings#idleTimeoutMs()} without a record. */
    public enum OnIdle {
        /** The stream is over: stop quietly ({@code train-stream} on an idle topic). */
        STOP,
        /** Records were expected: fail, naming how far the read came. */
        FAIL
    }

    /** Why {@link #run} returned. */
    public enum Stop {
        /** {@link Settings#maxRecords()} records were handed over. */
        COUNT,
        /** Every partition reached the end offset it had when the feed opened. */
        END_OFFSETS,
        /** No record for the idle timeout. */
        IDLE,
        /** The handler or another thread ({@link #requestStop()}) asked. */
        REQUESTED
    }

    /**
     * How a feed polls and when it stops.
     *
     * @param maxPollRecords the consumer's {@code max.poll.records}: speed, never results
     * @param maxRecords     stop after handing over this many records (0: no limit)
     * @param toEndOffsets   stop at the end offsets the topic had when the feed opened
     * @param idleTimeoutMs  after this long without a record, {@code onIdle} (0: wait for ever)
     * @param onIdle         stop, or fail
     */
    public record Settings(int maxPollRecords, long maxRecords, boolean toEndOffsets, long idleTimeoutMs, OnIdle onIdle) {

        /**
         * @throws IllegalArgumentException if a count or the timeout is out of range
         */
        public Settings {
            if (maxPollRecords < 1 || maxRecords < 0 || idleTimeoutMs < 0 || onIdle == null) {
                throw new IllegalArgumentException("feed settings: max.poll.records " + maxPollRecords + ", max records "
                        + maxRecords + ", idle timeout " + idleTimeoutMs + " ms, on idle " + onIdle);
            }
        }

        /**
         * @param maxPollRecords records per poll
         * @return a bounded read: the topic as it is now, failing if it stalls for 60 s
         */
        public static Settings toEnd(int maxPollRecords) {
            return new Settings(maxPollRecords, 0, true, 60_000, OnIdle.FAIL);
        }

        /**
         * @param maxPollRecords records per poll
         * @param records        how many records to read
         * @param stallTimeoutMs how long without a record counts as a failure
         * @return a read of a known number of records, which may still be being written
         */
        public static Settings exactly(int maxPollRecords, long records, long stallTimeoutMs) {
            return new Settings(maxPollRecords, records, false, stallTimeoutMs, OnIdle.FAIL);
        }
    }

    /** Takes one record; the feed stops after it when this returns {@code false}. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param record the record, as consumed
         * @return whether to go on
         */
        boolean accept(ConsumerRecord<byte[], byte[]> record);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String bootstrapServers;
    private final Settings settings;
    private final Map<TopicPartition, Long> endOffsets;
    private final Map<Integer, long[]> ranges = new TreeMap<>();
    private volatile boolean stopRequested;
    private long handed;

    private TopicFeed(KafkaConsumer<byte[], byte[]> consumer, String topic, String bootstrapServers, Settings settings,
                      Map<TopicPartition, Long> endOffsets) {
        this.consumer = consumer;
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.settings = settings;
        this.endOffsets = endOffsets;
    }

    /**
     * Opens a feed of every partition of a topic, from its beginning, in no consumer group.
     *
     * @param connection the cluster
     * @param topic      the topic
     * @param settings   polling and stopping
     * @return the feed, which the caller closes
     * @throws TributaryException if the topic does not exist
     */
    public static TopicFeed fromBeginning(KafkaConnection connection, String topic, Settings settings) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(connection, null, settings));
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new TributaryException("topic " + topic + " does not exist on " + connection.bootstrapServers());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = settings.toEndOffsets()
                    ? new HashMap<>(consumer.endOffsets(partitions, METADATA_TIMEOUT)) : Map.of();
            return new TopicFeed(consumer, topic, connection.bootstrapServers(), settings, ends);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /**
     * Opens a feed as a member of a consumer group; the listener positions each assigned
     * partition (see {@link ConsumerRebalanceListener}).
     *
     * @param connection the cluster
     * @param topic      the topic
     * @param groupId    the group
     * @param listener   hears assignments and revocations
     * @param settings   polling and stopping ({@link Settings#toEndOffsets()} is not supported)
     * @return the feed, which the caller closes
     * @throws IllegalArgumentException if the settings ask to stop at end offsets
     */
    public static TopicFeed subscribe(KafkaConnection connection, String topic, String groupId,
                                      ConsumerRebalanceListener listener, Settings settings) {
        if (settings.toEndOffsets()) {
            throw new IllegalArgumentException("a group member's partitions change; it cannot stop at end offsets");
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(connection, groupId, settings));
        consumer.subscribe(List.of(topic), listener);
        return new TopicFeed(consumer, topic, connection.bootstrapServers(), settings, Map.of());
    }

    /**
     * Opens a feed as a member of a consumer group in which one member, the owner, is assigned
     * every partition of the topic and the others none ({@link SoleOwnerAssignor}): they are
     * standbys, whose feed waits (not idly) until the owner leaves or its session expires and one
     * of them is assigned everything. The owner keeps the partitions when a member joins. The
     * group is the lock, so no second name or topic has to be kept in step with it; and its
     * commits are fenced by the group's generation, so a member that lost the partitions cannot
     * commit over its successor. The group runs the classic protocol, whatever the client
     * properties say, since the new one ({@code group.protocol=consumer}) assigns on the broker
     * and takes no client assignor.
     *
     * @param connection the cluster
     * @param topic      the topic
     * @param groupId    the group, which only such feeds may join
     * @param listener   hears assignments (all partitions, or none for a standby) and revocations
     * @param settings   polling and stopping ({@link Settings#toEndOffsets()} is not supported)
     * @return the feed, which the caller closes
     * @throws IllegalArgumentException if the settings ask to stop at end offsets
     */
    public static TopicFeed subscribeAsSoleOwner(KafkaConnection connection, String topic, String groupId,
                                                 ConsumerRebalanceListener listener, Settings settings) {
        if (settings.toEndOffsets()) {
            throw new IllegalArgumentException("a group member's partitions change; it cannot stop at end offsets");
        }
        Map<String, Object> config = config(connection, groupId, settings);
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, SoleOwnerAssignor.class.getName());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic), listener);
        return new TopicFeed(consumer, topic, connection.bootstrapServers(), settings, Map.of());
    }

    private static Map<String, Object> config(KafkaConnection connection, String groupId, Settings settings) {
        Map<String, Object> config = connection.consumerConfig(groupId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        return config;
    }

    /**
     * Hands records to the handler until a stop condition holds.
     *
     * @param handler takes each record
     * @return why it stopped
     * @throws TributaryException if the feed is idle for the timeout and {@link OnIdle#FAIL} is set
     */
    public Stop run(RecordHandler handler) {
        return run(handler, () -> { });
    }

    /**
     * @param handler   takes each record
     * @param everyPoll runs after each poll's records have been handed over (and after an empty
     *                  poll), e.g. to process them as a batch or to check on a producer; not after a
     *                  poll the feed stopped in the middle of
     * @return why it stopped
     * @throws TributaryException if the feed is idle for the timeout and {@link OnIdle#FAIL} is set
     */
    public Stop run(RecordHandler handler, Runnable everyPoll) {
        long lastRecordNanos = System.nanoTime();
        while (true) {
            if (stopRequested) {
                return Stop.REQUESTED;
            }
            if (settings.maxRecords() > 0 && handed >= settings.maxRecords()) {
                return Stop.COUNT;
            }
            if (settings.toEndOffsets() && caughtUp()) {
                return Stop.END_OFFSETS;
            }
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(POLL_TIMEOUT);
            } catch (WakeupException e) {
                return Stop.REQUESTED;
            }
            if (records.isEmpty()) {
                everyPoll.run();
                if (consumer.assignment().isEmpty()) {
                    // Waiting for partitions is not idleness: after a kill -9 the dead member
                    // holds them until its session times out, and a restart must outwait it.
                    lastRecordNanos = System.nanoTime();
                } else if (settings.idleTimeoutMs() > 0
                        && System.nanoTime() - lastRecordNanos > settings.idleTimeoutMs() * 1_000_000) {
                    if (settings.onIdle() == OnIdle.STOP) {
                        if (!idleConfirmed()) {
                            // An unreachable broker is an outage, not the end of the stream.
                            lastRecordNanos = System.nanoTime();
                            continue;
                        }
                        return Stop.IDLE;
                    }
                    throw new TributaryException("read " + handed + (settings.maxRecords() > 0 ? " of "
                            + settings.maxRecords() : "") + " records from " + topic + " on " + bootstrapServers
                            + ", then nothing for " + settings.idleTimeoutMs() / 1000 + " s");
                }
                continue;
            }
            lastRecordNanos = System.nanoTime();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Long end = endOffsets.get(new TopicPartition(record.topic(), record.partition()));
                if (end != null && record.offset() >= end) {
                    continue;
                }
                handed++;
                ranges.computeIfAbsent(record.partition(), p -> new long[] {record.offset(), 0})[1] = record.offset() + 1;
                if (!handler.accept(record) || stopRequested) {
                    // The rest of this poll is not handed over: the consumer is repositioned at it.
                    seekPastHanded();
                    return Stop.REQUESTED;
                }
                if (settings.maxRecords() > 0 && handed >= settings.maxRecords()) {
                    seekPastHanded();
                    return Stop.COUNT;
                }
            }
            // After the poll's records, not before: a caller that batches them sees them at once,
            // not when the next poll returns.
            everyPoll.run();
        }
    }

    /** Repositions every assigned partition at the first record not yet handed over. */
    private void seekPastHanded() {
        for (TopicPartition tp : consumer.assignment()) {
            long[] range = ranges.get(tp.partition());
            if (range != null) {
                consumer.seek(tp, range[1]);
            }
        }
    }

    /**
     * Whether the quiet is idleness: the broker answers, and every assigned partition has been
     * read to its end. During an outage a poll returns nothing, just as on an idle topic; only
     * asking the broker tells them apart, so {@code train-stream} does not end a stream because
     * the broker was down for longer than the idle timeout.
     */
    private boolean idleConfirmed() {
        try {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), OUTAGE_PROBE);
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (consumer.position(end.getKey(), OUTAGE_PROBE) < end.getValue()) {
                    return false;
                }
            }
            return true;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            LOG.warn("{} on {} does not answer ({}): an outage, not idleness; waiting for it", topic, bootstrapServers,
                    e.getMessage());
            return false;
        }
    }

    private boolean caughtUp() {
        for (var e : endOffsets.entrySet()) {
            if (consumer.position(e.getKey(), METADATA_TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Asks {@link #run} to return after the record in progress; callable from any thread. */
    public void requestStop() {
        stopRequested = true;
        consumer.wakeup();
    }

    /** @return records handed over so far */
    public long handed() {
        return handed;
    }

    /**
     * @return per partition read, the offsets of the records handed over (a partition at its end
     *         offset from the start, in a bounded read, as an empty range)
     */
    public List<OffsetRange> offsetsRead() {
        Map<Integer, OffsetRange> out = new TreeMap<>();
        endOffsets.forEach((tp, end) -> out.put(tp.partition(), new OffsetRange(tp.partition(), end, end)));
        ranges.forEach((p, r) -> out.put(p, new OffsetRange(p, r[0], r[1])));
        List<OffsetRange> list = new ArrayList<>(out.values());
        list.sort(Comparator.comparingInt(OffsetRange::partition));
        return list;
    }

    /**
     * The consumer, for the owner of a group member's feed to commit and seek (from the
     * handler or the rebalance listener, on the feed's thread only).
     *
     * @return the consumer
     */
    public KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
