package dev.tributary.serving;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BufferedEventTest {

    @Test
    void anEventRoundTripsWithItsPosition() {
        byte[] key = "1".getBytes(StandardCharsets.UTF_8);
        byte[] value = "0.5,2.5".getBytes(StandardCharsets.UTF_8);
        BufferedEvent decoded = BufferedEvent.decode(new BufferedEvent(7, 1_700_000_000_000L, 3, 12_345, key, value).encode());
        assertEquals(7, decoded.sequence());
        assertEquals(1_700_000_000_000L, decoded.timestampMs());
        assertEquals(3, decoded.partition());
        assertEquals(12_345, decoded.offset());
        assertArrayEquals(key, decoded.key());
        assertArrayEquals(value, decoded.value());
    }

    @Test
    void anEntryOfTheLayoutWithoutPositionsIsStillRead() {
        // [sequence:8][timestampMs:8][keyLength:4][value], written by a scorer before predictions carried positions.
        byte[] value = "0.5,2.5".getBytes(StandardCharsets.UTF_8);
        byte[] old = ByteBuffer.allocate(20 + value.length).putLong(9).putLong(1_700_000_000_000L).putInt(-1).put(value)
                .array();
        BufferedEvent decoded = BufferedEvent.decode(old);
        assertEquals(9, decoded.sequence());
        assertEquals(1_700_000_000_000L, decoded.timestampMs());
        assertEquals(-1, decoded.partition());
        assertEquals(-1, decoded.offset());
        assertNull(decoded.key());
        assertArrayEquals(value, decoded.value());
    }
}
