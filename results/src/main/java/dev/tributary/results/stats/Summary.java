package dev.tributary.results.stats;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The mean of one metric over repeated runs (seeds), with its sample standard deviation and a
 * 95% confidence interval for the mean: mean ± t(0.975, n-1) · s / √n, with s the sample
 * standard deviation (divisor n-1) and t Student's quantile for n-1 degrees of freedom
 * (Commons Math's {@link TDistribution}). The interval assumes the runs are independent and the metric roughly
 * normal across them; with few runs it is wide, as it should be (t(0.975, 1) = 12.7).
 *
 * <p><b>Missing values.</b> A NaN (a metric undefined in some run, e.g. the AUC of a run that
 * saw one class) is left out: {@code n} counts only the values used, while {@link #values()}
 * keeps every value received, NaN included, in order, so {@link #ignoredCount()} says how many
 * were left out and a reader can tell "5 runs" from "5 of 8 runs". Infinite values are not
 * missing and are kept; they make the mean infinite and the spread NaN.
 *
 * <p><b>Degenerate cases.</b> With no usable value, {@code n} is 0 and the mean, standard
 * deviation and both bounds are NaN. With one, the mean is that value, the standard deviation
 * NaN (one value says nothing about spread; n-1 = 0) and the interval is [mean, mean], a point
 * rather than an infinite one, so that a single-run report still shows its value; the NaN
 * standard deviation marks it as carrying no uncertainty estimate.
 *
 * <p>The canonical constructor takes already computed values (e.g. read back from a results
 * file) and does not check them against {@code values}; use {@link #of(List)} to compute.
 *
 * @param n the number of values used, i.e. the non-NaN ones
 * @param mean their arithmetic mean; NaN if {@code n == 0}
 * @param stdDev their sample standard deviation, divisor n-1; NaN if {@code n < 2}
 * @param ci95Low the lower bound of the 95% confidence interval for the mean
 * @param ci95High the upper bound of the 95% confidence interval for the mean
 * @param values every value received, in order, NaN included; copied, unmodifiable
 */
public record Summary(long n, double mean, double stdDev, double ci95Low, double ci95High, List<Double> values) {

    /** The confidence level of the interval, as a probability. */
    public static final double CONFIDENCE = 0.95;

    /**
     * Copies {@code values} so that the summary stays immutable.
     *
     * @param n the number of values used, i.e. the non-NaN ones
     * @param mean their arithmetic mean
     * @param stdDev their sample standard deviation
     * @param ci95Low the lower bound of the 95% confidence interval for the mean
     * @param ci95High the upper bound of the 95% confidence interval for the mean
     * @param values every value received, in order, NaN included
     * @throws NullPointerException if {@code values} or an element of it is null
     */
    public Summary {
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }

    /**
     * Summarises the values of one metric over repeated runs, as described on the class.
     *
     * @param values one value per run, in run order; NaN for a run where the metric is
     *     undefined
     * @return the summary
     * @throws NullPointerException if {@code values} or an element of it is null
     */
    public static Summary of(List<Double> values) {
        List<Double> all = List.copyOf(Objects.requireNonNull(values, "values"));
        long n = 0;
        double sum = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, all);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(1, mean, Double.NaN, mean, mean, all);
        }
        // Two passes: summing squared deviations from the mean avoids the cancellation of
        // sum(x²) - n·mean², which loses every digit when the spread is small against the mean
        // (accuracies such as 0.9512, 0.9514, ...).
        double squaredDeviations = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                double d = v - mean;
                squaredDeviations += d * d;
            }
        }
        double stdDev = Math.sqrt(squaredDeviations / (n - 1));
        double halfWidth = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + CONFIDENCE / 2) * stdDev / Math.sqrt(n);
        return new Summary(n, mean, stdDev, mean - halfWidth, mean + halfWidth, all);
    }

    /** @return how many of {@link #values()} were NaN and so left out of the statistics */
    public long ignoredCount() {
        return values.size() - n;
    }

    /**
     * @return half the width of the 95% interval, t · s / √n; 0 when {@code n == 1}, NaN when
     *     {@code n == 0}
     */
    public double halfWidth() {
        return (ci95High - ci95Low) / 2;
    }

    /**
     * @return e.g. {@code "3.000000 +/- 1.963243 (95% CI [1.036757, 4.963243], sd 1.581139, n 5)"},
     *     with " of N" after n when values were left out; formatted with {@link Locale#ROOT}
     */
    @Override
    public String toString() {
        String count = ignoredCount() == 0 ? Long.toString(n) : n + " of " + values.size();
        return String.format(Locale.ROOT, "%.6f +/- %.6f (95%% CI [%.6f, %.6f], sd %.6f, n %s)",
                mean, halfWidth(), ci95Low, ci95High, stdDev, count);
    }
}
