package dev.tributary.serving;

import org.apache.kafka.streams.processor.api.Record;

import java.nio.ByteBuffer;

/**
 * An event waiting in the scorer's micro-batch, as held in its changelogged buffer store:
 * {@code [sequence:8][timestampMs:8][keyLength:4][key][value]}, key length -1 for a null key.
 * Headers are not kept: a revived task scores the event without them.
 *
 * @param sequence    the event's position among the events this task has buffered
 * @param timestampMs the event's record timestamp, which its prediction repeats
 * @param key         the record key (the event's class), or {@code null}
 * @param value       the record value (the features)
 */
record BufferedEvent(long sequence, long timestampMs, byte[] key, byte[] value) {

    static BufferedEvent of(long sequence, Record<byte[], byte[]> record) {
        return new BufferedEvent(sequence, record.timestamp(), record.key(),
                record.value() == null ? new byte[0] : record.value());
    }

    /** @return the event as a record to score and forward */
    Record<byte[], byte[]> toRecord() {
        return new Record<>(key, value, timestampMs);
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(20 + (key == null ? 0 : key.length) + value.length);
        out.putLong(sequence).putLong(timestampMs).putInt(key == null ? -1 : key.length);
        if (key != null) {
            out.put(key);
        }
        return out.put(value).array();
    }

    static BufferedEvent decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long sequence = in.getLong();
        long timestampMs = in.getLong();
        int keyLength = in.getInt();
        byte[] key = keyLength < 0 ? null : new byte[keyLength];
        if (key != null) {
            in.get(key);
        }
        byte[] value = new byte[in.remaining()];
        in.get(value);
        return new BufferedEvent(sequence, timestampMs, key, value);
    }
}
