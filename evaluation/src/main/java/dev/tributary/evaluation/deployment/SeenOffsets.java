package dev.tributary.evaluation.deployment;

import java.util.BitSet;

/**
 * Which offsets of one partition have been seen, in memory proportional to how far out of order
 * they arrive rather than to how many there were: everything below {@code floor} has been seen,
 * and a bit set records what has been seen above it.
 */
final class SeenOffsets {

    /** Every offset below it has been seen (or lies before the first one seen). */
    private long floor = -1;
    private BitSet above = new BitSet();
    /** Whether the floor has moved up past seen offsets: then anything below it was seen. */
    private boolean compacted;

    /**
     * @param offset an offset
     * @return whether it is new (and is now marked seen); {@code false} for one seen before
     */
    boolean add(long offset) {
        if (floor < 0) {
            floor = offset;
        }
        if (offset < floor && compacted) {
            return false;
        }
        if (offset < floor) {
            // Before the first offset seen: arrivals out of order ahead of it. Move the floor down.
            BitSet shifted = new BitSet();
            long shift = floor - offset;
            above.stream().forEach(i -> shifted.set((int) (i + shift)));
            above = shifted;
            floor = offset;
        }
        int index = Math.toIntExact(offset - floor);
        if (above.get(index)) {
            return false;
        }
        above.set(index);
        int contiguous = above.nextClearBit(0);
        if (contiguous >= 4096) {
            above = above.get(contiguous, Math.max(contiguous, above.length()));
            floor += contiguous;
            compacted = true;
        }
        return true;
    }
}
