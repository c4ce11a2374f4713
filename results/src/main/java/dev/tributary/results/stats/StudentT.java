package dev.tributary.results.stats;

import java.util.Locale;

/**
 * Student's t distribution with a whole number of degrees of freedom: its cumulative
 * distribution function and quantiles, computed rather than looked up so that a confidence
 * interval is right for any number of repetitions, not only those a table lists.
 *
 * <p>The CDF uses the closed forms for integer degrees of freedom ν of Abramowitz &amp; Stegun,
 * <i>Handbook of Mathematical Functions</i> (1964), 26.7.3 (ν odd) and 26.7.4 (ν even): with
 * θ = atan(t / √ν), P(|T| ≤ t) is a finite sum of powers of cos θ, so no incomplete beta or
 * gamma function is needed. It costs O(ν) operations, and a quantile, which inverts it by
 * bisection (about 60 evaluations, until the bracket is two adjacent doubles), costs O(ν) too:
 * negligible for repetition counts, slow only for ν in the hundreds of millions. A quantile is
 * as accurate as the CDF's rounding allows, around 1e-12 or better. For the 0.975 quantile
 * this gives 12.7062 (ν = 1), 2.7764 (ν = 4), 2.2622 (ν = 9), 2.0423 (ν = 30) and tends to
 * the normal 1.95996 as ν grows, without the jump a table that switches to 1.96 after ν = 30
 * would have.
 */
public final class StudentT {

    private StudentT() {
    }

    /**
     * @param t the point, any finite or infinite value
     * @param degreesOfFreedom ν, at least 1
     * @return P(T ≤ t) for T with ν degrees of freedom
     * @throws IllegalArgumentException if {@code degreesOfFreedom < 1} or {@code t} is NaN
     */
    public static double cdf(double t, long degreesOfFreedom) {
        checkDegreesOfFreedom(degreesOfFreedom);
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must not be NaN");
        }
        if (t == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (t == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double twoSided = centralProbability(Math.abs(t), degreesOfFreedom);
        // The distribution is symmetric: P(T <= t) = (1 + P(|T| <= t)) / 2 for t >= 0.
        return t >= 0 ? 0.5 + 0.5 * twoSided : 0.5 - 0.5 * twoSided;
    }

    /**
     * @param probability p, strictly between 0 and 1
     * @param degreesOfFreedom ν, at least 1
     * @return the t with P(T ≤ t) = p, e.g. {@code quantile(0.975, 4)} = 2.776
     * @throws IllegalArgumentException if p is not in (0, 1) or {@code degreesOfFreedom < 1}
     */
    public static double quantile(double probability, long degreesOfFreedom) {
        checkDegreesOfFreedom(degreesOfFreedom);
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "probability must be in (0, 1), got %s", probability));
        }
        if (probability == 0.5) {
            return 0;
        }
        if (probability < 0.5) {
            return -quantile(1 - probability, degreesOfFreedom);
        }
        // Solve P(|T| <= t) = 2p - 1 for t >= 0; the left side increases with t.
        double target = 2 * probability - 1;
        double lo = 0;
        double hi = 1;
        while (centralProbability(hi, degreesOfFreedom) < target) {
            lo = hi;
            hi *= 2;
        }
        // Bisect until the interval cannot shrink further in floating point.
        while (true) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                return mid;
            }
            if (centralProbability(mid, degreesOfFreedom) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
    }

    /** P(|T| <= t) for t >= 0: Abramowitz &amp; Stegun 26.7.3 and 26.7.4. */
    private static double centralProbability(double t, long nu) {
        double theta = Math.atan(t / Math.sqrt(nu));
        double cos = Math.cos(theta);
        double cosSquared = cos * cos;
        double sin = Math.sin(theta);
        if (nu % 2 == 1) {
            // (2/π)[θ + sin θ (cos θ + (2/3) cos³ θ + ... + (2·4···(ν-3))/(1·3···(ν-2)) cos^(ν-2) θ)]
            double sum = 0;
            double term = cos;
            for (long j = 1; 2 * j + 1 <= nu; j++) {
                sum += term;
                term *= cosSquared * (2.0 * j) / (2.0 * j + 1);
            }
            return Math.min(1, 2 / Math.PI * (theta + sin * sum));
        }
        // sin θ [1 + (1/2) cos² θ + (1·3)/(2·4) cos⁴ θ + ... + (1·3···(ν-3))/(2·4···(ν-2)) cos^(ν-2) θ]
        double sum = 0;
        double term = 1;
        for (long j = 1; 2 * j <= nu; j++) {
            sum += term;
            term *= cosSquared * (2.0 * j - 1) / (2.0 * j);
        }
        return Math.min(1, sin * sum);
    }

    private static void checkDegreesOfFreedom(long degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degreesOfFreedom must be at least 1, got " + degreesOfFreedom);
        }
    }
}
