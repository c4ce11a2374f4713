package dev.tributary.serving;

import dev.tributary.common.WallClock;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.model.ModelArtifact;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores events in adaptive micro-batches (see the package documentation) and forwards one
 * prediction per event. An event that cannot be decoded is forwarded to the dead-letter sink
 * with its reason instead, so counts still reconcile: events = predictions + dead letters.
 *
 * <p>Kafka Streams commits the offset of every event handed to {@link #process}, including the
 * events still waiting in a partial micro-batch; a stop, a rebalance or a task that Streams
 * closes and revives after an error would drop them from memory, and a restart would not read
 * them again. So each waiting event is also written to a changelogged store ({@value #BUFFER}):
 * Streams flushes the changelog before it commits offsets (in the same transaction under
 * exactly-once), and the next incarnation of the task restores the store and scores what it
 * held. The store is a ring of {@code maxBatch + 1} slots plus a watermark (the last sequence
 * scored), and it is cached: Streams writes the store's latest state to the changelog when it
 * flushes its cache, just before each commit, so a commit costs at most {@code maxBatch + 2}
 * changelog records however many events it covers, and the compacted changelog stays at most
 * {@code maxBatch + 2} keys. Without the cache every event cost a changelog record of its own,
 * as many as the predictions (measured with {@code tributary bench --measures scorer}).
 */
final class ScoringProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);
    static final String PREDICTIONS_SINK = "predictions";
    static final String DEAD_LETTER_SINK = "dead-letters";
    /** The stage named in the scorer's dead letters. */
    static final String STAGE = "scorer";
    /** The state store that holds the waiting events: slot → event, and the watermark. */
    static final String BUFFER = "scoring-buffer";
    /** The buffer's key for the sequence of the last event scored. */
    private static final int WATERMARK = -1;
    /**
     * An event handed over more than this long after its timestamp (its intended send time) says
     * the scorer is behind: a backlog, or a stall upstream. See {@link #flushIfDue}.
     */
    static final long CATCH_UP_AGE_MS = 100;
    /** How many flush intervals a partial batch may wait while the scorer catches up. */
    static final int CATCH_UP_FACTOR = 8;

    private final ServingModel serving;
    private final ExampleCodec codec;
    /** Whether events come without labels, keyed by their id (late labels): the key is checked as an id. */
    private final boolean unlabelled;
    private final int numClasses;
    private final int maxBatch;
    private final Duration flushInterval;
    private final List<Record<byte[], byte[]>> pending = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    /** Each pending event's partition and offset of the events topic, which its prediction carries. */
    private final int[] partitions;
    private final long[] offsets;
    /** Each pending event's arrival, µs since the epoch, for the sampled timing (0: restored, not timed). */
    private final long[] receivedMicros;
    private ProcessorContext<byte[], byte[]> context;
    private long scored;
    private long batches;
    /** When the oldest pending event arrived: Streams' wall-clock time, which tests can drive. */
    private long oldestPendingMs;
    private KeyValueStore<Integer, byte[]> buffer;
    /** The sequence the next waiting event gets; the pending ones are the last {@code pending.size()}. */
    private long nextSequence;
    /** Whether the last event arrived over {@link #CATCH_UP_AGE_MS} after its timestamp. */
    private boolean catchingUp;

    ScoringProcessor(ServingModel serving, Schema schema, int maxBatch, Duration flushInterval, boolean unlabelled) {
        this.unlabelled = unlabelled;
        this.serving = serving;
        this.codec = ExampleCodec.forSchema(schema);
        this.numClasses = schema.numClasses();
        this.maxBatch = maxBatch;
        this.flushInterval = flushInterval;
        // A restored batch may be full when one more event arrives: see process().
        this.partitions = new int[maxBatch + 1];
        this.offsets = new long[maxBatch + 1];
        this.receivedMicros = new long[maxBatch + 1];
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.buffer = context.getStateStore(BUFFER);
        restoreWaitingEvents();
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flushIfDue);
    }

    /**
     * Runs once Streams has restored the buffer: events with a sequence above the watermark were
     * handed to an earlier incarnation of this task but never scored. They are scored by the
     * next flush, ahead of anything new.
     */
    private void restoreWaitingEvents() {
        byte[] watermark = buffer.get(WATERMARK);
        long scoredThrough = watermark == null ? -1 : ByteBuffer.wrap(watermark).getLong();
        List<BufferedEvent> waiting = new ArrayList<>();
        try (KeyValueIterator<Integer, byte[]> slots = buffer.all()) {
            while (slots.hasNext()) {
                KeyValue<Integer, byte[]> slot = slots.next();
                if (slot.key != WATERMARK) {
                    BufferedEvent event = BufferedEvent.decode(slot.value);
                    if (event.sequence() > scoredThrough) {
                        waiting.add(event);
                    }
                }
            }
        }
        waiting.sort(Comparator.comparingLong(BufferedEvent::sequence));
        for (BufferedEvent event : waiting) {
            Record<byte[], byte[]> record = event.toRecord();
            rows.add(features(record));
            partitions[pending.size()] = event.partition();
            offsets[pending.size()] = event.offset();
            receivedMicros[pending.size()] = 0;
            pending.add(record);
        }
        nextSequence = waiting.isEmpty() ? scoredThrough + 1 : waiting.get(waiting.size() - 1).sequence() + 1;
        // They have waited since before the restart: due at the first punctuation.
        oldestPendingMs = Long.MIN_VALUE / 2;
        if (!waiting.isEmpty()) {
            LOG.info("Scoring {} events restored from the buffer of an earlier instance of this task", waiting.size());
        }
    }

    /** @return the event's features, its key checked as its class (or, unlabelled, as its id) */
    private double[] features(Record<byte[], byte[]> record) {
        if (!unlabelled) {
            return codec.decode(record.key(), record.value()).features();
        }
        ExampleCodec.decodeEventId(record.key());
        if (record.value() == null) {
            throw new MalformedRecordException(MalformedRecordException.Kind.MALFORMED, "missing value: the value must be the features");
        }
        return codec.decodeFeatures(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        long now = context.currentSystemTimeMs();
        if (pending.size() >= maxBatch) {
            // A full batch restored from the buffer: scored before another event joins it, so
            // that at most maxBatch events ever wait and the ring never overwrites one of them.
            flush();
        }
        catchingUp = now - record.timestamp() > CATCH_UP_AGE_MS;
        flushIfDue(now);
        try {
            rows.add(features(record));
            if (pending.isEmpty()) {
                oldestPendingMs = now;
            }
            var position = context.recordMetadata().orElse(null);
            int partition = position == null ? -1 : position.partition();
            long offset = position == null ? -1 : position.offset();
            partitions[pending.size()] = partition;
            offsets[pending.size()] = offset;
            receivedMicros[pending.size()] = nextSequence % ScoringTiming.SAMPLE_EVERY == 0 ? WallClock.epochMicros() : 0;
            pending.add(record);
            buffer.put((int) (nextSequence % (maxBatch + 1)),
                    BufferedEvent.of(nextSequence, record, partition, offset).encode());
            nextSequence++;
        } catch (MalformedRecordException e) {
            String source = context.recordMetadata().map(m -> DeadLetter.source(m.topic(), m.partition(), m.offset()))
                    .orElse("unknown");
            DeadLetter letter = new DeadLetter(record.key(), record.value(), e.getMessage(), source, STAGE);
            context.forward(record.withHeaders(letter.addHeaders(record.headers())), DEAD_LETTER_SINK);
            return;
        }
        if (pending.size() >= maxBatch) {
            flush();
        }
    }

    /**
     * Flushes a partial batch once its oldest event has waited the flush interval, and not
     * before: flushing on every punctuation instead cut batches at whatever the punctuation's
     * phase was: 18 to 37 rows on average under a backlog with a 1 ms interval (measured with
     * {@code tributary bench --measures scorer}), where a network call costs about 300 µs
     * however few its rows (280 µs for 1 row, 500 µs for 256, sea-abrupt's network).
     *
     * <p>While the scorer is behind (the last event arrived over {@value #CATCH_UP_AGE_MS} ms
     * after its timestamp), a partial batch may wait {@value #CATCH_UP_FACTOR} intervals: fewer,
     * fuller network calls drain a backlog faster, and its events have waited far longer than
     * the extra milliseconds already. Measured under a backlog, {@code bench --measures scorer}
     * (3 repetitions): batches of 34 to 80 rows at a fixed 1 ms, 139 to 220 at 5 ms, and the
     * scorer's rate up by about a third. Fresh events keep the interval, so light load keeps its
     * latency. A topic whose timestamps are not send times (old event times) looks behind all the
     * time: its partial batches wait the longer bound.
     */
    private void flushIfDue(long nowMs) {
        long wait = flushInterval.toMillis() * (catchingUp ? CATCH_UP_FACTOR : 1);
        if (!pending.isEmpty() && nowMs - oldestPendingMs >= wait) {
            flush();
        }
    }

    /** Scores whatever is pending with one model version, in one network call. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ModelArtifact model = serving.current();
        long inferenceStart = WallClock.epochMicros();
        double[][] probabilities = model == null ? null : model.predictProbabilities(rows.toArray(new double[0][]));
        long inferenceEnd = WallClock.epochMicros();
        long version = model == null ? 0 : model.metadata().version();
        long now = inferenceEnd / 1000;
        for (int i = 0; i < pending.size(); i++) {
            Record<byte[], byte[]> event = pending.get(i);
            double[] p = probabilities == null ? uniform() : probabilities[i];
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            Prediction prediction = new Prediction(best, p[best], version, event.timestamp(), now, partitions[i],
                    offsets[i]);
            Record<byte[], byte[]> scored = event.withValue(prediction.encode());
            if (receivedMicros[i] != 0) {
                // A copy: the event's headers may be shared with the record Streams holds.
                scored = scored.withHeaders(new RecordHeaders(event.headers().toArray()));
                new ScoringTiming(receivedMicros[i], inferenceStart, inferenceEnd).addTo(scored.headers());
            }
            context.forward(scored, PREDICTIONS_SINK);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("Scored {} events with version {}", pending.size(), version);
        }
        scored += pending.size();
        batches++;
        buffer.put(WATERMARK, ByteBuffer.allocate(Long.BYTES).putLong(nextSequence - 1).array());
        pending.clear();
        rows.clear();
    }

    private double[] uniform() {
        double[] p = new double[numClasses];
        java.util.Arrays.fill(p, 1.0 / numClasses);
        return p;
    }

    @Override
    public void close() {
        LOG.info("Scored {} events in {} micro-batches ({} rows per batch on average)", scored, batches,
                batches == 0 ? 0 : Math.round((double) scored / batches));
        // Their offsets may be committed already, but the buffer store keeps them for the next
        // incarnation of this task.
        pending.clear();
        rows.clear();
    }
}
