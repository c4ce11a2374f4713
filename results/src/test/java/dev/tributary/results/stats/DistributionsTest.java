package dev.tributary.results.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The library's distributions, and the studentized range built on them, against published tables. */
class DistributionsTest {

    @Test
    void studentTQuantilesMatchPublishedTables() {
        // Two-sided 95 % critical values, NIST/SEMATECH e-Handbook table 1.3.6.7.2.
        double[][] table = {{1, 12.706}, {2, 4.303}, {4, 2.776}, {9, 2.262}, {30, 2.042}, {100, 1.984}};
        for (double[] row : table) {
            assertEquals(row[1], new TDistribution(null, row[0]).inverseCumulativeProbability(0.975), 5e-4, "nu " + row[0]);
        }
        assertEquals(4.032, new TDistribution(null, 5).inverseCumulativeProbability(0.995), 5e-4);
        assertEquals(1.812, new TDistribution(null, 10).inverseCumulativeProbability(0.95), 5e-4);
        // nu = 1 is the Cauchy distribution: tan(pi (p - 1/2)).
        assertEquals(Math.tan(Math.PI * 0.475), new TDistribution(null, 1).inverseCumulativeProbability(0.975), 1e-8);
    }

    @Test
    void chiSquareAndFCriticalValuesMatchPublishedTables() {
        // NIST/SEMATECH e-Handbook 1.3.6.7.4 (chi-square, upper 5 %) and Demšar's F(3, 39) = 2.85.
        assertEquals(3.841, new ChiSquaredDistribution(1).inverseCumulativeProbability(0.95), 5e-4);
        assertEquals(7.815, new ChiSquaredDistribution(3).inverseCumulativeProbability(0.95), 5e-4);
        assertEquals(2.85, new FDistribution(3, 39).inverseCumulativeProbability(0.95), 5e-3);
    }

    @Test
    void theStudentizedRangeMatchesDemsarsNemenyiTable() {
        // Demšar (2006), Table 5(a): q_0.05 and q_0.10 for k = 2..10 (the studentized range over sqrt 2).
        double[] q05 = {1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164};
        double[] q10 = {1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920};
        for (int k = 2; k <= 10; k++) {
            assertEquals(q05[k - 2], StudentizedRange.quantile(0.95, k) / Math.sqrt(2), 1e-3, "q_0.05, k " + k);
            assertEquals(q10[k - 2], StudentizedRange.quantile(0.90, k) / Math.sqrt(2), 1e-3, "q_0.10, k " + k);
        }
        // The range of two normals is |X - Y| ~ sqrt 2 |N(0, 1)|: P(R <= sqrt 2 * 1.96) = 0.95.
        assertEquals(0.95, StudentizedRange.cdf(Math.sqrt(2) * 1.959964, 2), 1e-6);
    }
}
