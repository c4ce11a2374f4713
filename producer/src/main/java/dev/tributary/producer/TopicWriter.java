package dev.tributary.producer;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.TributaryException;
import dev.tributary.common.config.RateConfig;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.ExampleCodec;
import dev.tributary.kafka.DeadLetter;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The sending half of {@link SourceProducer}: paced, counted, reported to a progress listener, and
 * failing loudly. Kafka reports send failures asynchronously; the first one is kept and
 * thrown by {@link #flush()}, so a run never ends "successfully" with records missing.
 *
 * <p>Memory: at most {@value #MAX_IN_FLIGHT} records are unacknowledged at any time; a send
 * beyond that waits for an acknowledgement. Kafka's {@code buffer.memory} bounds only the
 * batched bytes, while the producer also keeps about 200 bytes of bookkeeping per unacknowledged
 * record (callback, future, headers); with small records and a producer faster than the broker,
 * that grew the live heap to over 160 MB (measured with {@code tributary soak}, 10M events).
 *
 * <p>The bound costs the sending thread one read of the acknowledgement count per
 * {@value #MAX_IN_FLIGHT} or so sends, not a shared counter per send: a semaphore, taken by the
 * sender and given back by Kafka's I/O thread, moved its cache line between the two cores on
 * every record.
 */
final class TopicWriter implements AutoCloseable {

    /** Unacknowledged records allowed: enough batches in flight to keep a broker busy, no more. */
    static final int MAX_IN_FLIGHT = 20_000;
    /** How long the sender sleeps between looks at the acknowledgements when too many are due. */
    private static final long AWAIT_ACK_NANOS = 100_000;

    private final Producer<byte[], byte[]> producer;
    private final OpenLoopPacer pacer;
    private final ProgressListener progress;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** Sends completed, acknowledged or failed: counted by Kafka's I/O thread (or, for a send refused at once, the sender). */
    private final AtomicLong completed = new AtomicLong();
    private final Callback onCompletion = (metadata, e) -> {
        completed.incrementAndGet();
        if (e != null) {
            failure.compareAndSet(null, e);
        }
    };
    /** Records sent, counted in the progress (events and dead letters). */
    private long sent;
    /** Every send, labels included. */
    private long issued;
    /** The sender's last look at {@link #completed}: never more than it, so the bound holds. */
    private long completedSeen;

    TopicWriter(Producer<byte[], byte[]> producer, Pacing pacing, ProgressListener progress) {
        this.producer = producer;
        this.pacer = new OpenLoopPacer(pacing);
        this.progress = progress;
    }

    /**
     * Sends an example when it is due; its intended send time becomes the record timestamp.
     *
     * @return that time, ms since the epoch
     */
    long send(String topic, Example example) {
        return send(topic, ExampleCodec.encodeKey(example.label()), example);
    }

    /**
     * Sends an example without its label, keyed by its id, when it is due (see {@link #send(String, Example)}).
     *
     * @return its intended send time, ms since the epoch
     */
    long sendUnlabelled(String topic, long id, Example example) {
        return send(topic, ExampleCodec.encodeEventId(id), example);
    }

    private long send(String topic, byte[] key, Example example) {
        long timestampMs = pacer.awaitNext();
        acquire();
        producer.send(new ProducerRecord<>(topic, null, timestampMs, key, ExampleCodec.encodeValue(example.features())),
                onCompletion);
        counted();
        return timestampMs;
    }

    /**
     * Sends a label that has fallen due: not paced (it is due with the event just sent) and not
     * counted as an event.
     *
     * @param timestampMs when it fell due, ms since the epoch
     */
    void sendLabel(String topic, long id, int label, long timestampMs) {
        acquire();
        producer.send(new ProducerRecord<>(topic, null, timestampMs, ExampleCodec.encodeEventId(id),
                ExampleCodec.encodeKey(label)), onCompletion);
    }

    /**
     * Waits until the stream's next position is due, as if an event were sent there: labels that
     * fall due after the stream's last event are sent on the same schedule.
     *
     * @return the position's intended time, ms since the epoch
     */
    long awaitNext() {
        return pacer.awaitNext();
    }

    /** Sends a rejected row to the dead-letter topic (not paced: it is not an event). */
    void deadLetter(String topic, DeadLetter letter) {
        acquire();
        producer.send(letter.toRecord(topic), onCompletion);
        counted();
    }

    /** Waits, if need be, until this send leaves at most {@value #MAX_IN_FLIGHT} records unacknowledged. */
    private void acquire() {
        issued++;
        if (issued - completedSeen <= MAX_IN_FLIGHT) {
            return;
        }
        completedSeen = completed.get();
        while (issued - completedSeen > MAX_IN_FLIGHT) {
            LockSupport.parkNanos(AWAIT_ACK_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new TributaryException("interrupted while waiting for Kafka to acknowledge earlier sends");
            }
            completedSeen = completed.get();
        }
    }

    private void counted() {
        if (++sent % ProgressListener.EVERY == 0) {
            progress.advance(sent);
            if (failure.get() != null) {
                flush();
            }
        }
    }

    /**
     * Waits for every send to be acknowledged.
     *
     * @throws TributaryException if Kafka rejected any of them
     */
    void flush() {
        producer.flush();
        progress.advance(sent);
        Exception e = failure.get();
        if (e != null) {
            throw new TributaryException("Kafka rejected a write: " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
