package dev.tributary.serving;

import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a micro-batch is due, on a clock the test drives (ms). */
class MicroBatchTest {

    private static Record<byte[], byte[]> event(long timestampMs) {
        return new Record<>(new byte[] {1}, new byte[] {2}, timestampMs);
    }

    /** Adds an event that arrives at {@code nowMs}, sent at {@code sentMs}. */
    private static void arrive(MicroBatch batch, long nowMs, long sentMs) {
        batch.arrival(nowMs, sentMs);
        batch.add(event(sentMs), new double[] {nowMs}, 0, nowMs, 0, nowMs);
    }

    @Test
    void aPartialBatchWaitsTheFlushIntervalForMoreEventsAndNoLonger() {
        MicroBatch batch = new MicroBatch(100, 10);
        assertFalse(batch.isDue(1_000), "an empty batch is never due");
        for (int i = 0; i < 3; i++) {
            arrive(batch, 8, 8);
        }
        assertFalse(batch.isDue(10), "2 ms old: it waits for more events");
        assertFalse(batch.isDue(17));
        arrive(batch, 11, 11);
        arrive(batch, 12, 12);
        assertTrue(batch.isDue(18), "its oldest event has waited the interval; the later arrivals go with it");
        assertEquals(5, batch.size());
    }

    @Test
    void behindItsEventsAPartialBatchWaitsLongerToCatchUpInFullerBatches() {
        MicroBatch batch = new MicroBatch(100, 10);
        for (int i = 0; i < 3; i++) {
            arrive(batch, 1_008, 8);
        }
        assertFalse(batch.isDue(1_020), "a second behind: past one interval, the batch still fills");
        assertFalse(batch.isDue(1_008 + 10L * MicroBatch.CATCH_UP_FACTOR - 1));
        assertTrue(batch.isDue(1_008 + 10L * MicroBatch.CATCH_UP_FACTOR), "and no longer than "
                + MicroBatch.CATCH_UP_FACTOR + " intervals");
        // A fresh event says the scorer has caught up: one interval again.
        arrive(batch, 1_010, 1_010 - MicroBatch.CATCH_UP_AGE_MS);
        assertTrue(batch.isDue(1_018));
        batch.clear();
        arrive(batch, 2_000, 2_000 - MicroBatch.CATCH_UP_AGE_MS - 1);
        assertFalse(batch.isDue(2_010), "just over the age: behind");
    }

    @Test
    void aFullBatchTakesNoMoreAndClearingDropsItsEvents() {
        MicroBatch batch = new MicroBatch(2, 10);
        Record<byte[], byte[]> first = event(5);
        batch.arrival(5, 5);
        batch.add(first, new double[] {1, 2}, 3, 40, 123, 5);
        assertFalse(batch.isFull());
        arrive(batch, 6, 6);
        assertTrue(batch.isFull());
        assertThrows(IllegalStateException.class, () -> arrive(batch, 7, 7), "scored first, never overwritten");

        assertSame(first, batch.event(0));
        assertEquals(3, batch.partition(0));
        assertEquals(40, batch.offset(0));
        assertEquals(123, batch.receivedMicros(0));
        assertArrayEquals(new double[][] {{1, 2}, {6}}, batch.rows());

        batch.clear();
        assertTrue(batch.isEmpty());
        assertEquals(0, batch.rows().length);
        assertThrows(IndexOutOfBoundsException.class, () -> batch.event(0), "a cleared batch holds no event");
        arrive(batch, 100, 100);
        assertFalse(batch.isDue(109), "a new batch's wait starts at its first event");
        assertTrue(batch.isDue(110));
    }
}
