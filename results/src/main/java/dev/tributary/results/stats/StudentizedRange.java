package dev.tributary.results.stats;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The studentized range distribution with infinite degrees of freedom: the range of k
 * independent standard normal values, whose quantiles are the critical values of the Nemenyi
 * test (Demšar 2006, Table 5, lists q/√2). No well-kept Java library ships it (Commons Math and
 * Commons Statistics do not), so its distribution function is the textbook integral
 * P(R ≤ w) = k ∫ φ(z) [Φ(z + w) − Φ(z)]^(k−1) dz, evaluated with Commons Math's normal
 * distribution, Gauss–Legendre integrator and Brent solver; the tests check it against Demšar's
 * published table.
 */
public final class StudentizedRange {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);
    /** Beyond ±8 the normal density is below 1e-14: the integrand is nothing there. */
    private static final double TAIL = 8;

    private StudentizedRange() {
    }

    /**
     * @param w the range, at least 0
     * @param k how many normal values, at least 2
     * @return P(R ≤ w)
     */
    public static double cdf(double w, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("the range of " + k + " values: at least 2");
        }
        if (w <= 0) {
            return 0;
        }
        UnivariateFunction integrand = z -> NORMAL.density(z)
                * Math.pow(NORMAL.cumulativeProbability(z + w) - NORMAL.cumulativeProbability(z), k - 1);
        double integral = new IterativeLegendreGaussIntegrator(32, 1e-12, 1e-12)
                .integrate(100_000, integrand, -TAIL, TAIL);
        return Math.min(1, k * integral);
    }

    /**
     * @param probability p, in (0, 1)
     * @param k           how many normal values, at least 2
     * @return the w with P(R ≤ w) = p
     */
    public static double quantile(double probability, int k) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), got " + probability);
        }
        return new BrentSolver(1e-10).solve(1_000, w -> cdf(w, k) - probability, 1e-6, 20);
    }
}
