package dev.tributary.results.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tests that compare strategies, against published worked examples: Demšar (JMLR 7, 2006)
 * for Wilcoxon, Friedman and Nemenyi, on his Table 6 (AUC of C4.5 and three variants on 14 UCI
 * data sets), and Agresti (Categorical Data Analysis, 2002, §10.1) for McNemar.
 */
class ComparisonTestsTest {

    /** Demšar, Table 6: C4.5, C4.5+m, C4.5+cf, C4.5+m+cf; rows adult ... wine. */
    static final double[][] DEMSAR = {
            {0.763, 0.768, 0.771, 0.798}, {0.599, 0.591, 0.590, 0.569}, {0.954, 0.971, 0.968, 0.967},
            {0.628, 0.661, 0.654, 0.657}, {0.882, 0.888, 0.886, 0.898}, {0.936, 0.931, 0.916, 0.931},
            {0.661, 0.668, 0.609, 0.685}, {0.583, 0.583, 0.563, 0.625}, {0.775, 0.838, 0.866, 0.875},
            {1.000, 1.000, 1.000, 1.000}, {0.940, 0.962, 0.965, 0.962}, {0.619, 0.666, 0.614, 0.669},
            {0.972, 0.981, 0.975, 0.975}, {0.957, 0.978, 0.946, 0.970}};

    @Test
    void wilcoxonGivesDemsarsRankSums() {
        double[] c45 = column(0);
        double[] c45m = column(1);
        WilcoxonSignedRank w = WilcoxonSignedRank.of(c45, c45m);
        // §3.1.3: R+ = 93 (C4.5+m better), R- = 12, T = 12 below the critical 21 for N = 14 at 0.05.
        assertEquals(93, w.rPlus(), 1e-9);
        assertEquals(12, w.rMinus(), 1e-9);
        assertTrue(w.pValue() < 0.05, "significant at 0.05: " + w.pValue());
        assertEquals((12 - 14 * 15 / 4.0) / Math.sqrt(14 * 15 * 29 / 24.0), w.z(), 1e-12);
        assertEquals(w.pValue(), WilcoxonSignedRank.of(c45m, c45).pValue(), 1e-15, "two-sided");
    }

    @Test
    void friedmanGivesDemsarsStatisticsAndCriticalDifference() {
        // §3.2.2: average ranks 3.143, 2.000, 2.893, 1.964 give chi2_F = 9.28 and F_F = 3.69 > F(3, 39) = 2.85.
        Friedman f = Friedman.fromAverageRanks(new double[] {3.143, 2.000, 2.893, 1.964}, 14);
        assertEquals(9.28, f.chiSquare(), 5e-3);
        assertEquals(3.69, f.f(), 5e-3);
        assertTrue(f.fPValue() < 0.05 && f.pValue() < 0.05, "the null hypothesis is rejected");
        // The Nemenyi test: CD = 2.569 sqrt(4 * 5 / (6 * 14)) = 1.25 at 0.05, and 1.12 at 0.10.
        assertEquals(1.25, f.criticalDifference(0.05), 5e-3);
        assertEquals(1.12, f.criticalDifference(0.10), 5e-3);
    }

    @Test
    void friedmanRanksEachBlockWithTiesShared() {
        // The printed table, ranked by hand (ties share their average rank): 44, 28, 41 and 27 over 14 blocks.
        // Demšar's 40.5 and 27.5 for the last two come from the unrounded AUCs: on voting, 0.975 and 0.975
        // printed, C4.5+cf is ahead.
        Friedman f = Friedman.of(DEMSAR, true);
        assertArrayEquals(new double[] {44 / 14.0, 28 / 14.0, 41 / 14.0, 27 / 14.0}, f.averageRanks(), 1e-12);
        assertEquals(14, f.blocks());
        // Lower-is-better reverses the ranks: k + 1 - r.
        Friedman errors = Friedman.of(DEMSAR, false);
        for (int j = 0; j < 4; j++) {
            assertEquals(5 - f.averageRanks()[j], errors.averageRanks()[j], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> Friedman.of(new double[][] {{1, 2}}, true));
    }

    @Test
    void holmAdjustsStepDown() {
        // By hand: sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> monotone 0.06.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.9}), 1e-12, "at most 1");
    }

    @Test
    void mcNemarMatchesAgrestisWorkedExampleAndTheExactBinomial() {
        // Agresti, Table 10.1: presidential approval, 150 approve-then-disapprove, 86 the other way;
        // z^2 = (150 - 86)^2 / 236 = 17.36 without correction, 16.82 with it: p < 0.001.
        McNemar large = McNemar.of(1_150, 1_086);
        assertEquals(Math.pow(63, 2) / 2_236, large.chiSquare(), 1e-12);
        McNemar agresti = McNemar.of(150, 86);
        assertEquals(16.82, agresti.chiSquare(), 5e-3);
        assertTrue(agresti.pValue() < 0.001, "p " + agresti.pValue());
        // Exact: b = 1, c = 9: p = 2 P(X <= 1 | 10, 1/2) = 2 * 11 / 1024.
        assertEquals(22.0 / 1024, McNemar.of(1, 9).pValue(), 1e-12);
        assertEquals(1, McNemar.of(0, 0).pValue());
        assertEquals(1, McNemar.of(5, 5).pValue(), 1e-12);
    }

    private static double[] column(int j) {
        double[] out = new double[DEMSAR.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = DEMSAR[i][j];
        }
        return out;
    }
}
