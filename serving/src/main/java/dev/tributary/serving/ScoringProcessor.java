package dev.tributary.serving;

import dev.tributary.common.WallClock;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.Schema;
import dev.tributary.kafka.DeadLetter;
import dev.tributary.model.ModelArtifact;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Scores events in adaptive micro-batches ({@link MicroBatch}, and the package documentation) and
 * forwards one prediction per event. An event that cannot be decoded is forwarded to the
 * dead-letter sink with its reason instead, so counts still reconcile: events = predictions +
 * dead letters.
 *
 * <p>Kafka Streams commits the offset of every event handed to {@link #process}, including the
 * events still waiting in a partial micro-batch. So the batch is also scored just before each
 * commit ({@link CommitBarrier}): a commit only ever covers events whose predictions are sent (in
 * the same transaction under exactly-once), and a stop, a rebalance or a crash loses nothing. A
 * task closed without its commit (a crash, a fenced producer) leaves its events uncommitted, to be
 * read again.
 */
final class ScoringProcessor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringProcessor.class);
    static final String PREDICTIONS_SINK = "predictions";
    static final String DEAD_LETTER_SINK = "dead-letters";
    /** The stage named in the scorer's dead letters. */
    static final String STAGE = "scorer";

    private final ServingModel serving;
    private final ExampleCodec codec;
    /** Whether events come without labels, keyed by their id (late labels): the key is checked as an id. */
    private final boolean unlabelled;
    private final int numClasses;
    private final Duration flushInterval;
    private final MicroBatch batch;
    private InternalProcessorContext<byte[], byte[]> context;
    /** This processor's node, which a forward outside process() and punctuate() must name. */
    private ProcessorNode<?, ?, ?, ?> node;
    /** The record context of the latest event in the batch, for the forwards of a flush before a commit. */
    private ProcessorRecordContext latestEventContext;
    private long scored;
    private long batches;
    /** Events that joined a batch: one in {@link ScoringTiming#SAMPLE_EVERY} is timed. */
    private long accepted;

    ScoringProcessor(ServingModel serving, Schema schema, int maxBatch, Duration flushInterval, boolean unlabelled) {
        this.unlabelled = unlabelled;
        this.serving = serving;
        this.codec = ExampleCodec.forSchema(schema);
        this.numClasses = schema.numClasses();
        this.flushInterval = flushInterval;
        this.batch = new MicroBatch(maxBatch, flushInterval.toMillis());
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        if (!(context instanceof InternalProcessorContext<byte[], byte[]> internal)) {
            throw new IllegalStateException("the scorer runs in Kafka Streams' own processor context, not "
                    + context.getClass().getName());
        }
        this.context = internal;
        this.node = internal.currentNode();
        CommitBarrier barrier = context.getStateStore(CommitBarrier.NAME);
        barrier.beforeCommit(this::flushBeforeCommit);
        context.schedule(flushInterval, PunctuationType.WALL_CLOCK_TIME, this::flushIfDue);
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
        batch.arrival(now, record.timestamp());
        flushIfDue(now);
        var position = context.recordMetadata().orElse(null);
        try {
            double[] features = features(record);
            batch.add(record, features, position == null ? -1 : position.partition(),
                    position == null ? -1 : position.offset(),
                    accepted % ScoringTiming.SAMPLE_EVERY == 0 ? WallClock.epochMicros() : 0, now);
            accepted++;
            latestEventContext = context.recordContext();
        } catch (MalformedRecordException e) {
            String source = position == null ? "unknown"
                    : DeadLetter.source(position.topic(), position.partition(), position.offset());
            DeadLetter letter = new DeadLetter(record.key(), record.value(), e.getMessage(), source, STAGE);
            context.forward(record.withHeaders(letter.addHeaders(record.headers())), DEAD_LETTER_SINK);
            return;
        }
        if (batch.isFull()) {
            flush();
        }
    }

    private void flushIfDue(long nowMs) {
        if (batch.isDue(nowMs)) {
            flush();
        }
    }

    /**
     * Runs when Streams is about to commit, outside {@link #process} and any punctuation: the
     * forwards need this processor's node and a record context, as the forwards of Streams' own
     * record caches do at that point.
     */
    private void flushBeforeCommit() {
        if (batch.isEmpty()) {
            return;
        }
        ProcessorNode<?, ?, ?, ?> previousNode = context.currentNode();
        ProcessorRecordContext previousRecord = context.recordContext();
        context.setCurrentNode(node);
        context.setRecordContext(latestEventContext);
        try {
            flush();
        } finally {
            context.setRecordContext(previousRecord);
            context.setCurrentNode(previousNode);
        }
    }

    /** Scores the batch with one model version, in one network call. */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        ModelArtifact model = serving.current();
        long inferenceStart = WallClock.epochMicros();
        double[][] probabilities = model == null ? null : model.predictProbabilities(batch.rows());
        long inferenceEnd = WallClock.epochMicros();
        long version = model == null ? 0 : model.metadata().version();
        long now = inferenceEnd / 1000;
        for (int i = 0; i < batch.size(); i++) {
            Record<byte[], byte[]> event = batch.event(i);
            double[] p = probabilities == null ? uniform() : probabilities[i];
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            Prediction prediction = new Prediction(best, p[best], version, event.timestamp(), now, batch.partition(i),
                    batch.offset(i));
            Record<byte[], byte[]> scored = event.withValue(prediction.encode());
            if (batch.receivedMicros(i) != 0) {
                // A copy: the event's headers may be shared with the record Streams holds.
                scored = scored.withHeaders(new RecordHeaders(event.headers().toArray()));
                new ScoringTiming(batch.receivedMicros(i), inferenceStart, inferenceEnd).addTo(scored.headers());
            }
            context.forward(scored, PREDICTIONS_SINK);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("Scored {} events with version {}", batch.size(), version);
        }
        scored += batch.size();
        batches++;
        batch.clear();
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
        // Streams commits before it closes a task cleanly, and the barrier scores the batch then:
        // anything still here belongs to a task closed without a commit, so its events are read again.
        batch.clear();
    }
}
