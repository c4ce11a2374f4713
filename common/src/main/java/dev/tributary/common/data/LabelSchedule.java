package dev.tributary.common.data;

/**
 * When each event's label falls due, by stream position: the producer writes a label to the
 * labels topic once the event it falls due after has been written, and a learner learns it once
 * that event has been predicted. Positions count the events of the stream from 0, and an event's
 * id is its position.
 *
 * <p>The first {@code known} events are the history, the past, whose labels are known: each is due
 * with its own event. Every later label is due {@code delay} events after its event.
 *
 * @param known the history: events whose labels come with them
 * @param delay events after its event that a later label falls due
 */
public record LabelSchedule(long known, long delay) {

    /**
     * @throws IllegalArgumentException if a count is negative
     */
    public LabelSchedule {
        if (known < 0 || delay < 0) {
            throw new IllegalArgumentException("label schedule: " + known + " known, delay " + delay);
        }
    }

    /**
     * @param position an event's position
     * @return the id of the one label that falls due once that event has arrived, or -1 if none does
     *         (one label at most: the history's own, or the event's {@code delay} events back)
     */
    public long dueAfter(long position) {
        if (position < known) {
            return position;
        }
        long id = position - delay;
        return id >= known ? id : -1;
    }

    /**
     * @param id an event's id
     * @return the position of the event after which its label falls due
     */
    public long dueAt(long id) {
        return id < known ? id : id + delay;
    }

    /**
     * @param position an event's position
     * @return how many labels have fallen due before it arrives: after the events before it
     */
    public long dueBefore(long position) {
        return Math.min(position, known) + Math.max(0, position - delay - known);
    }
}
