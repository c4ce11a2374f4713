package dev.tributary.evaluation.metrics;

import java.util.Arrays;

/**
 * Area under the ROC curve as the Mann–Whitney U statistic: the probability that a randomly
 * chosen positive scores above a randomly chosen negative, a tie counting one half
 * (Hanley &amp; McNeil, "The meaning and use of the area under a receiver operating
 * characteristic (ROC) curve", Radiology 143(1), 1982). Computed by sorting the two score sets
 * and merging them, O(n log n), rather than by comparing every pair.
 */
final class RocAuc {

    private RocAuc() {
    }

    /**
     * Visible for testing.
     *
     * @param positives scores of the positive examples (not modified)
     * @param negatives scores of the negative examples (not modified)
     * @return the AUC, or NaN if either array is empty
     */
    static double auc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] sortedPositives = positives.clone();
        double[] sortedNegatives = negatives.clone();
        Arrays.sort(sortedPositives);
        Arrays.sort(sortedNegatives);
        return wins(sortedPositives, sortedPositives.length, sortedNegatives, sortedNegatives.length)
                / ((double) positives.length * negatives.length);
    }

    /**
     * Counts, over all (positive, negative) pairs, 1 for each pair the positive wins and 1/2 for
     * each tie. Both inputs must already be sorted ascending over their first {@code n} entries.
     *
     * @param positives sorted positive scores
     * @param numPositives how many entries of {@code positives} to use
     * @param negatives sorted negative scores
     * @param numNegatives how many entries of {@code negatives} to use
     * @return the number of pairs won plus half the number tied
     */
    static double wins(double[] positives, int numPositives, double[] negatives, int numNegatives) {
        // Kept apart as integers so the result is exact until the final conversion; each is at
        // most numPositives * numNegatives < 2^62, so neither overflows a long.
        long below = 0;
        long tied = 0;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < numPositives; i++) {
            double p = positives[i];
            // Both pointers only move forward because the positives are ascending.
            while (lo < numNegatives && negatives[lo] < p) {
                lo++;
            }
            if (hi < lo) {
                hi = lo;
            }
            while (hi < numNegatives && negatives[hi] <= p) {
                hi++;
            }
            below += lo;
            tied += hi - lo;
        }
        return below + 0.5 * tied;
    }
}
