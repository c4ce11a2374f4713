package dev.tributary.serving;

import org.apache.kafka.streams.processor.api.Record;

import java.util.Arrays;

/**
 * The events waiting to be scored together in one network call, and the rule for when they are
 * due. Times are the caller's clock (Streams' wall-clock time, which tests drive), in ms.
 *
 * <p>A partial batch is due once its oldest event has waited the flush interval, and not before:
 * flushing on every punctuation instead cut batches at whatever the punctuation's phase was: 18 to
 * 37 rows on average under a backlog with a 1 ms interval (measured with
 * {@code tributary bench --measures scorer}), where a network call costs about 300 µs however few
 * its rows (280 µs for 1 row, 500 µs for 256, sea-abrupt's network).
 *
 * <p>While the scorer is behind (the last event arrived over {@value #CATCH_UP_AGE_MS} ms after its
 * timestamp, its intended send time), a partial batch may wait {@value #CATCH_UP_FACTOR} intervals:
 * fewer, fuller network calls drain a backlog faster, and its events have waited far longer than
 * the extra milliseconds already. Measured under a backlog, {@code bench --measures scorer}
 * (3 repetitions): batches of 34 to 80 rows at a fixed 1 ms, 139 to 220 at 5 ms, and the scorer's
 * rate up by about a third. Fresh events keep the interval, so light load keeps its latency. A
 * topic whose timestamps are not send times (old event times) looks behind all the time: its
 * partial batches wait the longer bound.
 */
final class MicroBatch {

    /** An event handed over more than this long after its timestamp says the scorer is behind. */
    static final long CATCH_UP_AGE_MS = 100;
    /** How many flush intervals a partial batch may wait while the scorer catches up. */
    static final int CATCH_UP_FACTOR = 8;

    private final long flushIntervalMs;
    private final Record<?, ?>[] events;
    private final double[][] rows;
    /** Each event's partition and offset of the events topic, which its prediction carries. */
    private final int[] partitions;
    private final long[] offsets;
    /** Each event's arrival, µs since the epoch, for the sampled timing (0: not sampled). */
    private final long[] receivedMicros;
    private int size;
    private long oldestMs;
    private boolean catchingUp;

    /**
     * @param maxBatch        the most events a batch holds: full, it is scored at once
     * @param flushIntervalMs how long a partial batch may wait for more events, ms
     */
    MicroBatch(int maxBatch, long flushIntervalMs) {
        this.flushIntervalMs = flushIntervalMs;
        this.events = new Record<?, ?>[maxBatch];
        this.rows = new double[maxBatch][];
        this.partitions = new int[maxBatch];
        this.offsets = new long[maxBatch];
        this.receivedMicros = new long[maxBatch];
    }

    /**
     * Notes an event's arrival, before it joins (or, undecodable, does not join) the batch.
     *
     * @param nowMs       the time it was handed over
     * @param timestampMs its record timestamp
     */
    void arrival(long nowMs, long timestampMs) {
        catchingUp = nowMs - timestampMs > CATCH_UP_AGE_MS;
    }

    /**
     * @param event          the event, forwarded with its prediction as the value
     * @param features       its decoded features
     * @param partition      its partition of the events topic (-1: unknown)
     * @param offset         its offset there (-1: unknown)
     * @param receivedMicros when it arrived, µs since the epoch, or 0 when its timing is not sampled
     * @param nowMs          the time, which starts a batch's wait
     * @throws IllegalStateException when the batch is full: it must be scored first
     */
    void add(Record<byte[], byte[]> event, double[] features, int partition, long offset, long receivedMicros,
             long nowMs) {
        if (isFull()) {
            throw new IllegalStateException("a full micro-batch of " + size + " events must be scored first");
        }
        if (size == 0) {
            oldestMs = nowMs;
        }
        events[size] = event;
        rows[size] = features;
        partitions[size] = partition;
        offsets[size] = offset;
        this.receivedMicros[size] = receivedMicros;
        size++;
    }

    /** @return whether the batch holds as many events as it may */
    boolean isFull() {
        return size == events.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * @param nowMs the time
     * @return whether a non-empty batch has waited long enough to be scored as it is
     */
    boolean isDue(long nowMs) {
        long wait = flushIntervalMs * (catchingUp ? CATCH_UP_FACTOR : 1);
        return size > 0 && nowMs - oldestMs >= wait;
    }

    /** @return the features of the events, in order: one network call's input */
    double[][] rows() {
        return Arrays.copyOf(rows, size);
    }

    @SuppressWarnings("unchecked")
    Record<byte[], byte[]> event(int i) {
        return (Record<byte[], byte[]>) events[checked(i)];
    }

    int partition(int i) {
        return partitions[checked(i)];
    }

    long offset(int i) {
        return offsets[checked(i)];
    }

    long receivedMicros(int i) {
        return receivedMicros[checked(i)];
    }

    /** Empties the batch once it has been scored, dropping its references to the events. */
    void clear() {
        Arrays.fill(events, 0, size, null);
        Arrays.fill(rows, 0, size, null);
        size = 0;
    }

    private int checked(int i) {
        return java.util.Objects.checkIndex(i, size);
    }
}
