package dev.tributary.serving;

import org.apache.kafka.streams.processor.api.Record;

import java.nio.ByteBuffer;

/**
 * An event waiting in the scorer's micro-batch, as held in its changelogged buffer store:
 * {@code [-2:8][sequence:8][timestampMs:8][partition:4][offset:8][keyLength:4][key][value]}, key
 * length -1 for a null key. Headers are not kept: a revived task scores the event without them.
 * The leading {@code -2} marks this layout; an entry without it (written before events kept their
 * position: {@code [sequence:8][timestampMs:8][keyLength:4][key][value]}) is still read, with
 * position -1.
 *
 * @param sequence    the event's position among the events this task has buffered
 * @param timestampMs the event's record timestamp, which its prediction repeats
 * @param partition   the event's partition of the events topic (-1: unknown)
 * @param offset      its offset there (-1: unknown), which its prediction repeats
 * @param key         the record key (the event's class), or {@code null}
 * @param value       the record value (the features)
 */
record BufferedEvent(long sequence, long timestampMs, int partition, long offset, byte[] key, byte[] value) {

    /** The first long of the current layout; a sequence is never negative. */
    private static final long LAYOUT_WITH_POSITION = -2;

    static BufferedEvent of(long sequence, Record<byte[], byte[]> record, int partition, long offset) {
        return new BufferedEvent(sequence, record.timestamp(), partition, offset, record.key(),
                record.value() == null ? new byte[0] : record.value());
    }

    /** @return the event as a record to score and forward */
    Record<byte[], byte[]> toRecord() {
        return new Record<>(key, value, timestampMs);
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(40 + (key == null ? 0 : key.length) + value.length);
        out.putLong(LAYOUT_WITH_POSITION).putLong(sequence).putLong(timestampMs).putInt(partition).putLong(offset)
                .putInt(key == null ? -1 : key.length);
        if (key != null) {
            out.put(key);
        }
        return out.put(value).array();
    }

    static BufferedEvent decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long first = in.getLong();
        boolean positioned = first == LAYOUT_WITH_POSITION;
        long sequence = positioned ? in.getLong() : first;
        long timestampMs = in.getLong();
        int partition = positioned ? in.getInt() : -1;
        long offset = positioned ? in.getLong() : -1;
        int keyLength = in.getInt();
        byte[] key = keyLength < 0 ? null : new byte[keyLength];
        if (key != null) {
            in.get(key);
        }
        byte[] value = new byte[in.remaining()];
        in.get(value);
        return new BufferedEvent(sequence, timestampMs, partition, offset, key, value);
    }
}
