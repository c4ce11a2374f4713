package dev.tributary.results;

import org.apache.commons.math3.distribution.BinomialDistribution;

import java.util.List;

/**
 * A distribution-free confidence interval for the median of repeated measurements: the order
 * statistics {@code [x(k), x(n-k+1)]}, which hold the true median with probability
 * {@code 1 - 2 P(B <= k-1)} for {@code B ~ Binomial(n, 1/2)} whatever the measurements'
 * distribution (Conover, <i>Practical Nonparametric Statistics</i>, the sign-test interval). Timing
 * on a shared machine is neither normal nor symmetric, hence no mean and standard error here.
 *
 * <p>The interval is the narrowest that reaches {@link #CONFIDENCE}; with fewer than 6
 * measurements none does, and it is the widest there is, {@code [min, max]}, with the coverage it
 * has (0.9375 for 5, 0.75 for 3). That says how many repetitions a claim of "the median within
 * ±0.05" needs.
 *
 * @param lower    the lower order statistic
 * @param upper    the upper order statistic
 * @param coverage the probability that the interval holds the median
 */
public record MedianInterval(double lower, double upper, double coverage) {

    /** The coverage asked for. */
    public static final double CONFIDENCE = 0.95;

    /**
     * @param values the measurements, not empty
     * @return the interval of their median
     */
    public static MedianInterval of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        BinomialDistribution signs = new BinomialDistribution(null, n, 0.5);
        // k = 1 is [min, max]; a larger k narrows the interval and lowers its coverage.
        int k = 1;
        while (k + 1 <= (n + 1) / 2 && coverage(signs, k + 1) >= CONFIDENCE) {
            k++;
        }
        return new MedianInterval(sorted[k - 1], sorted[n - k], coverage(signs, k));
    }

    private static double coverage(BinomialDistribution signs, int k) {
        return Math.max(0, 1 - 2 * signs.cumulativeProbability(k - 1));
    }

    /** @return half the interval's width */
    public double halfWidth() {
        return (upper - lower) / 2;
    }
}
