package dev.tributary.evaluation.metrics;

import java.util.Arrays;

/**
 * An append-only list of primitive doubles, grown by doubling. A {@code List<Double>} would
 * cost a boxed object (about 16 bytes plus a reference) per score; this costs 8 bytes, plus at
 * most the same again of spare capacity.
 *
 * <p>Not thread-safe.
 */
final class GrowableDoubleArray {

    /** The largest array most JVMs will allocate (a few header words below Integer.MAX_VALUE). */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private static final int INITIAL_CAPACITY = 16;

    private double[] values = new double[0];
    private int size;

    /** @param value the value to append, growing the backing array if it is full */
    void add(double value) {
        if (size == values.length) {
            grow();
        }
        values[size++] = value;
    }

    /** @return the number of values appended */
    int size() {
        return size;
    }

    /**
     * Sorts the stored values ascending in place. Only the multiset of values matters to its
     * users, so reordering is not a visible change.
     */
    void sort() {
        Arrays.sort(values, 0, size);
    }

    /** @return the backing array; only indices below {@link #size()} are meaningful */
    double[] backingArray() {
        return values;
    }

    private void grow() {
        if (values.length >= MAX_CAPACITY) {
            throw new IllegalStateException("Cannot store more than " + MAX_CAPACITY + " scores in one array");
        }
        int capacity = values.length == 0 ? INITIAL_CAPACITY : (int) Math.min(2L * values.length, MAX_CAPACITY);
        values = Arrays.copyOf(values, capacity);
    }
}
