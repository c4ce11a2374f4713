package dev.tributary.evaluation.metrics;

import java.util.Locale;

/**
 * ROC AUC from fixed-bin score histograms, in memory that does not grow with the number of
 * examples: the Mann–Whitney statistic of {@link RocAuc}, except that two scores in the same
 * bin count as tied (1/2) even when they differ.
 *
 * <p>Scores are binned into {@code bins} equal bins of [0, 1], bin {@code b} holding
 * [b / bins, (b + 1) / bins) and the last bin also 1. A score below 0 goes into the first bin
 * and one above 1 into the last (probabilities are not range-checked; see
 * {@link ClassificationEvaluator}). Binning is monotone, so a pair in different bins is
 * ordered exactly as by the raw scores and only pairs sharing a bin can be scored differently:
 * exactly they score 0, 1/2 or 1, here 1/2. The error against the exact AUC is therefore at
 * most half the fraction of positive–negative pairs whose scores share a bin, and zero when
 * no two scores of opposite classes share one.
 *
 * <p>Binary: the scores are P(class 1), positives the examples of class 1. Multi-class: for
 * every class k, P(class k) with positives the examples of class k and negatives all others
 * (one-vs-rest), averaged without weights over the classes that have both, as
 * {@link ClassificationEvaluator} does; NaN if none has.
 *
 * <p>Memory: {@code 2 × bins} longs per scored class (one scored class when binary,
 * {@code numClasses} otherwise). Pair counts are exact in longs up to about 3·10⁹ positives
 * and negatives per class. Not thread-safe.
 */
final class BinnedRocAuc {

    private final int numClasses;
    private final int bins;
    /** positives[j][b]: examples of class scoredClass(j) whose score for it is in bin b. */
    private final long[][] positives;
    /** negatives[j][b]: examples of any other class whose score for scoredClass(j) is in bin b. */
    private final long[][] negatives;

    /**
     * @param numClasses the number of classes, at least 2
     * @param bins the number of equal bins of [0, 1], at least 1
     * @throws IllegalArgumentException if either is out of range
     */
    BinnedRocAuc(int numClasses, int bins) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        this.numClasses = numClasses;
        this.bins = bins;
        int scored = numClasses == 2 ? 1 : numClasses;
        this.positives = new long[scored][bins];
        this.negatives = new long[scored][bins];
    }

    /**
     * Adds one example; the caller has validated it.
     *
     * @param actualLabel the true class
     * @param classProbabilities the predicted probability of each class (not kept)
     */
    void add(int actualLabel, double[] classProbabilities) {
        if (numClasses == 2) {
            long[][] side = actualLabel == 1 ? positives : negatives;
            side[0][bin(classProbabilities[1])]++;
        } else {
            for (int k = 0; k < numClasses; k++) {
                long[][] side = actualLabel == k ? positives : negatives;
                side[k][bin(classProbabilities[k])]++;
            }
        }
    }

    /** @return the binned AUC (one-vs-rest mean when multi-class), or NaN where undefined */
    double auc() {
        double sum = 0;
        int included = 0;
        for (int j = 0; j < positives.length; j++) {
            double aucJ = auc(positives[j], negatives[j]);
            if (!Double.isNaN(aucJ)) {
                sum += aucJ;
                included++;
            }
        }
        return included == 0 ? Double.NaN : sum / included;
    }

    /**
     * Visible for testing.
     *
     * @param score a score
     * @return its bin, in {@code [0, bins)}
     */
    int bin(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "score must not be NaN, got %s", score));
        }
        if (score <= 0) {
            return 0;
        }
        // The cast truncates towards zero, a floor for positive values; 1.0 and anything
        // above it land in the last bin.
        return (int) Math.min(score * bins, bins - 1);
    }

    private static double auc(long[] positive, long[] negative) {
        long numPositives = 0;
        long numNegatives = 0;
        long below = 0;
        long tied = 0;
        // Walk the bins upwards: every negative in a lower bin is beaten by every positive in
        // this one, and the negatives sharing its bin are ties.
        for (int b = 0; b < positive.length; b++) {
            below += positive[b] * numNegatives;
            tied += positive[b] * negative[b];
            numPositives += positive[b];
            numNegatives += negative[b];
        }
        if (numPositives == 0 || numNegatives == 0) {
            return Double.NaN;
        }
        return (below + 0.5 * tied) / ((double) numPositives * numNegatives);
    }
}
