package dev.tributary.kafka;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Input the harness rejected, on its way to the dead-letter topic: the original bytes,
 * untouched, with why and where in headers, so that nothing is lost and every rejection is
 * counted and explained.
 *
 * @param key    the original key bytes, or {@code null}
 * @param value  the original value bytes (a CSV line as read, or a record's value)
 * @param reason why it was rejected, naming the column or field
 * @param source where it came from ({@code file:line}, or {@code topic-partition@offset})
 * @param stage  the stage that rejected it ({@code producer}, {@code stream-trainer}, ...)
 */
public record DeadLetter(byte[] key, byte[] value, String reason, String source, String stage) {

    /** Header holding the reason, UTF-8. */
    public static final String REASON_HEADER = "tributary.dlq.reason";
    /** Header holding the source position, UTF-8. */
    public static final String SOURCE_HEADER = "tributary.dlq.source";
    /** Header holding the stage that rejected the input, UTF-8. */
    public static final String STAGE_HEADER = "tributary.dlq.stage";

    /**
     * @param topic the dead-letter topic
     * @return the record to send
     */
    public ProducerRecord<byte[], byte[]> toRecord(String topic) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        addHeaders(record.headers());
        return record;
    }

    /**
     * Adds this dead letter's three headers: the one place they are written, for a producer's
     * record ({@link #toRecord}) and for a Kafka Streams record alike.
     *
     * @param headers the record's headers
     * @return the same headers
     */
    public Headers addHeaders(Headers headers) {
        return headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8))
                .add(STAGE_HEADER, stage.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param topic     a consumed record's topic
     * @param partition its partition
     * @param offset    its offset
     * @return its position as dead letters record it, {@code topic-partition@offset}
     */
    public static String source(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /**
     * @param headers a dead-lettered record's headers
     * @param name    the header
     * @return its value as text, or {@code null} if absent
     */
    public static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
