package dev.tributary.model.learn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MiniBatchBufferTest {

    @Test
    void cutsMiniBatchesOnStreamPositions() {
        MiniBatchBuffer buffer = new MiniBatchBuffer(3, 0);
        assertEquals(3, buffer.remaining());
        assertFalse(buffer.add(new double[] {0}, 0));
        assertFalse(buffer.add(new double[] {1}, 1));
        assertEquals(1, buffer.remaining());
        assertTrue(buffer.add(new double[] {2}, 0), "positions 0, 1, 2 make the first mini-batch");
        assertEquals(0, buffer.start());
        assertArrayEquals(new int[] {0, 1, 0}, buffer.labels());
        assertEquals(2.0, buffer.features()[2][0]);
        buffer.clear();
        assertEquals(0, buffer.count());
        assertEquals(3, buffer.remaining());
        assertEquals(3, buffer.start());
    }

    @Test
    void aResumedBufferRealignsOnTheSameBoundaries() {
        // A learner that resumed at position 7 with mini-batches of 3: the next boundary is after
        // position 8, as in an uninterrupted run (0-2, 3-5, 6-8, ...).
        MiniBatchBuffer buffer = new MiniBatchBuffer(3, 7);
        assertEquals(2, buffer.remaining());
        assertFalse(buffer.add(new double[] {7}, 0));
        assertTrue(buffer.add(new double[] {8}, 0));
        assertEquals(7, buffer.start());
        assertEquals(2, buffer.count());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new MiniBatchBuffer(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new MiniBatchBuffer(3, -1));
    }
}
