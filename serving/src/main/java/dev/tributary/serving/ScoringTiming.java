package dev.tributary.serving;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.ByteBuffer;

/**
 * Where a sampled event's time went inside the scorer, carried by its prediction in the header
 * {@value #HEADER}: when the scoring processor received the event, and when the micro-batch it
 * joined started and finished its network call, µs since the epoch. With the event's intended
 * send time (its timestamp) and the moment a reader receives the prediction, it splits the
 * event → prediction latency into the way to the scorer (producer, broker, the Streams consumer's
 * fetch and poll loop), the wait in the micro-batch, inference, and the way back (forwarding,
 * the Streams producer, broker, the reader's fetch).
 *
 * <p>One event in {@value #SAMPLE_EVERY} carries it (by the processor's sequence), so that it
 * costs a header of 24 bytes on a sixteenth of the predictions; the prediction's value, which the
 * evaluator reads, does not change.
 *
 * @param receivedMicros       when the processor was handed the event
 * @param inferenceStartMicros when its micro-batch's network call started
 * @param inferenceEndMicros   when that call returned
 */
public record ScoringTiming(long receivedMicros, long inferenceStartMicros, long inferenceEndMicros) {

    /** The header's name. */
    public static final String HEADER = "tributary.timing";
    /** One event in this many carries its timing. */
    public static final int SAMPLE_EVERY = 16;

    /** Adds this timing to a prediction's headers. */
    void addTo(Headers headers) {
        headers.add(HEADER, ByteBuffer.allocate(3 * Long.BYTES).putLong(receivedMicros).putLong(inferenceStartMicros)
                .putLong(inferenceEndMicros).array());
    }

    /**
     * @param headers a prediction's headers
     * @return its timing, or {@code null} if it carries none (it was not sampled, or it is malformed)
     */
    public static ScoringTiming of(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null || header.value().length != 3 * Long.BYTES) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(header.value());
        return new ScoringTiming(b.getLong(), b.getLong(), b.getLong());
    }
}
