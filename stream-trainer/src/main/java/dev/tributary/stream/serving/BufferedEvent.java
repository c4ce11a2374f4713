package dev.tributary.stream.serving;

import org.apache.kafka.streams.processor.api.Record;

import java.nio.ByteBuffer;

/**
 * The stored form of an event waiting in the scoring buffer: timestamp, key and value
 * ({@code [timestamp:8][keyLength:4][key][value]}, key length -1 for a null key).
 */
final class BufferedEvent {

    private BufferedEvent() {
    }

    static byte[] encode(Record<byte[], byte[]> record) {
        byte[] key = record.key();
        byte[] value = record.value() == null ? new byte[0] : record.value();
        ByteBuffer out = ByteBuffer.allocate(12 + (key == null ? 0 : key.length) + value.length);
        out.putLong(record.timestamp()).putInt(key == null ? -1 : key.length);
        if (key != null) {
            out.put(key);
        }
        return out.put(value).array();
    }

    static Record<byte[], byte[]> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long timestamp = in.getLong();
        int keyLength = in.getInt();
        byte[] key = keyLength < 0 ? null : new byte[keyLength];
        if (key != null) {
            in.get(key);
        }
        byte[] value = new byte[in.remaining()];
        in.get(value);
        return new Record<>(key, value, timestamp);
    }
}
