package dev.tributary.results.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StudentTTest {

    @Test
    void quantilesMatchPublishedTables() {
        // Two-sided 95% critical values, e.g. NIST/SEMATECH e-Handbook table 1.3.6.7.2.
        assertEquals(12.706, StudentT.quantile(0.975, 1), 5e-4);
        assertEquals(4.303, StudentT.quantile(0.975, 2), 5e-4);
        assertEquals(2.776, StudentT.quantile(0.975, 4), 5e-4);
        assertEquals(2.262, StudentT.quantile(0.975, 9), 5e-4);
        assertEquals(2.042, StudentT.quantile(0.975, 30), 5e-4);
        assertEquals(1.984, StudentT.quantile(0.975, 100), 5e-4);
        assertEquals(4.032, StudentT.quantile(0.995, 5), 5e-4);
        assertEquals(1.812, StudentT.quantile(0.95, 10), 5e-4);
    }

    @Test
    void closedFormsForOneAndTwoDegreesOfFreedom() {
        // ν = 1 is the Cauchy distribution: quantile tan(π (p - 1/2)).
        assertEquals(Math.tan(Math.PI * 0.475), StudentT.quantile(0.975, 1), 1e-9);
        // ν = 2: quantile (2p - 1) sqrt(2 / (4 p (1 - p))).
        double p = 0.975;
        assertEquals((2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p))), StudentT.quantile(p, 2), 1e-9);
    }

    @Test
    void tendsToTheNormalQuantile() {
        assertEquals(1.959964, StudentT.quantile(0.975, 1_000_000), 1e-5);
    }

    @Test
    void cdfIsSymmetricAndInvertsTheQuantile() {
        assertEquals(0.5, StudentT.cdf(0, 7));
        assertEquals(1 - StudentT.cdf(1.3, 7), StudentT.cdf(-1.3, 7), 1e-15);
        for (long nu : new long[] {1, 2, 3, 4, 9, 30, 101}) {
            for (double prob : new double[] {0.6, 0.9, 0.975, 0.999}) {
                assertEquals(prob, StudentT.cdf(StudentT.quantile(prob, nu), nu), 1e-12, "nu " + nu + " p " + prob);
                assertEquals(-StudentT.quantile(prob, nu), StudentT.quantile(1 - prob, nu), 1e-9, "symmetry");
            }
        }
        assertEquals(0.0, StudentT.quantile(0.5, 3));
        assertEquals(1.0, StudentT.cdf(Double.POSITIVE_INFINITY, 3));
        assertEquals(0.0, StudentT.cdf(Double.NEGATIVE_INFINITY, 3));
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0.975, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(0, 5));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 5));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(Double.NaN, 5));
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, -1));
    }
}
