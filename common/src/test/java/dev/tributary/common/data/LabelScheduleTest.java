package dev.tributary.common.data;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LabelScheduleTest {

    @Test
    void everyLabelFallsDueOnceAfterItsEventAndTheDelay() {
        LabelSchedule schedule = new LabelSchedule(20, 7);
        BitSet due = new BitSet();
        // Positions past the stream's 100 events are where the last labels fall due, on the same schedule.
        for (long position = 0; position < 107; position++) {
            long id = schedule.dueAfter(position);
            if (id < 0) {
                assertFalse(position < 20, "a history label is due with its event");
                continue;
            }
            assertFalse(due.get((int) id), "label " + id + " due twice");
            due.set((int) id);
            assertEquals(position, schedule.dueAt(id), "dueAt inverts dueAfter");
            assertEquals(id < 20 ? id : id + 7, position);
        }
        assertEquals(100, due.cardinality(), "every label of 100 events falls due");
        assertEquals(-1, schedule.dueAfter(20), "the first 7 events after the history bring no label");
        assertEquals(20, schedule.dueAfter(27));
        assertThrows(IllegalArgumentException.class, () -> new LabelSchedule(-1, 0));
    }

    @Test
    void dueBeforeCountsTheLabelsDueAfterEarlierEvents() {
        LabelSchedule schedule = new LabelSchedule(20, 7);
        for (long position = 0; position < 120; position++) {
            long count = 0;
            for (long id = 0; id < 200; id++) {
                count += schedule.dueAt(id) < position ? 1 : 0;
            }
            assertEquals(count, schedule.dueBefore(position), "position " + position);
        }
    }

    @Test
    void withNoDelayEveryLabelComesWithItsEvent() {
        LabelSchedule schedule = new LabelSchedule(5, 0);
        for (long position = 0; position < 50; position++) {
            assertEquals(position, schedule.dueAfter(position));
        }
    }

    @Test
    void eventIdsRoundTripAndBadOnesAreNamed() {
        assertEquals(123456789012L, ExampleCodec.decodeEventId(ExampleCodec.encodeEventId(123456789012L)));
        MalformedRecordException negative = assertThrows(MalformedRecordException.class,
                () -> ExampleCodec.decodeEventId("-3".getBytes()));
        assertEquals("key '-3' is not an event id", negative.getMessage());
        assertThrows(MalformedRecordException.class, () -> ExampleCodec.decodeEventId("x".getBytes()));
        assertThrows(MalformedRecordException.class, () -> ExampleCodec.decodeEventId(null));
        ExampleCodec codec = new ExampleCodec(2, 3);
        assertEquals(2, codec.decodeLabel(ExampleCodec.encodeKey(2)));
        assertThrows(MalformedRecordException.class, () -> codec.decodeLabel("3".getBytes()), "not a class of 3");
        assertThrows(MalformedRecordException.class, () -> codec.decodeLabel(null));
    }
}
