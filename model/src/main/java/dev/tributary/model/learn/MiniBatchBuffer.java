package dev.tributary.model.learn;

import java.util.Arrays;

/**
 * Gathers events into mini-batches of a fixed number of events, aligned on the stream: a
 * mini-batch ends after every event whose position (0-based, in the stream) plus one is a
 * multiple of the size. A learner that resumes at position {@code p} therefore cuts the same
 * mini-batches an uninterrupted one would, except the one {@code p} fell in.
 *
 * <p>Memory: one mini-batch of row references and labels.
 */
public final class MiniBatchBuffer {

    private final int size;
    private final double[][] rows;
    private final int[] labels;
    private long position;
    private int count;

    /**
     * @param size     events per mini-batch
     * @param position the stream position of the next event
     * @throws IllegalArgumentException if the size is not positive or the position is negative
     */
    public MiniBatchBuffer(int size, long position) {
        if (size < 1 || position < 0) {
            throw new IllegalArgumentException("mini-batch size " + size + " at position " + position);
        }
        this.size = size;
        this.rows = new double[size][];
        this.labels = new int[size];
        this.position = position;
    }

    /**
     * @param features the event's features (kept by reference)
     * @param label    its class
     * @return whether this event completed a mini-batch, now ready in {@link #features()} / {@link #labels()}
     */
    public boolean add(double[] features, int label) {
        rows[count] = features;
        labels[count] = label;
        count++;
        position++;
        return position % size == 0;
    }

    /** @return events added since the last {@link #clear()} */
    public int count() {
        return count;
    }

    /** @return events to add until the current mini-batch is complete, counting the one that completes it */
    public int remaining() {
        return (int) (size - position % size);
    }

    /** @return the stream position of the first buffered event */
    public long start() {
        return position - count;
    }

    /** @return a copy of the buffered rows */
    public double[][] features() {
        return Arrays.copyOf(rows, count);
    }

    /** @return a copy of the buffered labels */
    public int[] labels() {
        return Arrays.copyOf(labels, count);
    }

    /** Empties the buffer (after its mini-batch has been learned). */
    public void clear() {
        Arrays.fill(rows, 0, count, null);
        count = 0;
    }
}
