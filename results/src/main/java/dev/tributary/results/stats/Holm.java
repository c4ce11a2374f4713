package dev.tributary.results.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down correction of m p-values for multiple comparisons (Holm 1979; Demšar 2006,
 * §3.2.2): sorted ascending, the i-th smallest (from 0) is multiplied by m − i, and each adjusted
 * value is at least the one before it (and at most 1). A hypothesis is rejected at level α when
 * its adjusted p-value is at most α, which controls the family-wise error rate.
 */
public final class Holm {

    private Holm() {
    }

    /**
     * @param pValues the raw p-values, in any order
     * @return the adjusted p-values, in the same order
     */
    public static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
