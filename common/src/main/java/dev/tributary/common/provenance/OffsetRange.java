package dev.tributary.common.provenance;

/**
 * The offsets of one partition that a reader consumed: {@code [start, end)}.
 *
 * @param partition the partition
 * @param start     the first offset read
 * @param end       one past the last offset read
 */
public record OffsetRange(int partition, long start, long end) {
}
