package dev.tributary.results;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A distribution as results.json keeps it: the usual percentiles, and the whole HdrHistogram
 * (compressed, Base64) so that reports can draw the full percentile curve later.
 *
 * @param count     values recorded
 * @param mean      their mean
 * @param p50       median
 * @param p90       90th percentile
 * @param p99       99th percentile
 * @param p999      99.9th percentile
 * @param max       the largest value
 * @param histogram the compressed, Base64-encoded histogram ({@code Histogram.decodeFromCompressedByteBuffer})
 */
public record Percentiles(long count, double mean, long p50, long p90, long p99, long p999, long max,
                          String histogram) {

    /**
     * @param h a histogram
     * @return its summary; all zeros and NaN mean for an empty one
     */
    public static Percentiles of(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        long n = h.getTotalCount();
        return new Percentiles(n, n == 0 ? Double.NaN : h.getMean(), h.getValueAtPercentile(50),
                h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                Base64.getEncoder().encodeToString(bytes));
    }

    /** @return the full histogram back */
    public Histogram decode() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(histogram)), 0);
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalStateException("corrupt histogram in results: " + e.getMessage(), e);
        }
    }
}
