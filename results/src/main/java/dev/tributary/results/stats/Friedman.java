package dev.tributary.results.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Friedman's test of k treatments (strategies) over N blocks (data sets, streams), as Demšar,
 * "Statistical comparisons of classifiers over multiple data sets" (JMLR 7, 2006), §3.2.2,
 * recommends it: each block's scores are ranked (1 = best, ties sharing their average rank), and
 * χ²_F = 12N / (k(k+1)) [Σ R_j² − k(k+1)²/4] over the average ranks R_j; with Iman and
 * Davenport's F_F = (N−1) χ²_F / (N(k−1) − χ²_F), F-distributed with (k−1, (k−1)(N−1)) degrees of
 * freedom, which Demšar prefers as less conservative. The distributions are Commons Math's.
 *
 * @param averageRanks per treatment, its mean rank over the blocks (1 = best)
 * @param blocks       N
 * @param chiSquare    χ²_F
 * @param pValue       P(χ²(k−1) ≥ χ²_F)
 * @param f            F_F
 * @param fPValue      P(F(k−1, (k−1)(N−1)) ≥ F_F)
 */
public record Friedman(double[] averageRanks, int blocks, double chiSquare, double pValue, double f, double fPValue) {

    /**
     * @param scores         scores[block][treatment]
     * @param higherIsBetter whether a higher score ranks first
     * @return the test
     * @throws IllegalArgumentException with fewer than 2 blocks or 2 treatments, or ragged rows
     */
    public static Friedman of(double[][] scores, boolean higherIsBetter) {
        int n = scores.length;
        if (n < 2 || scores[0].length < 2) {
            throw new IllegalArgumentException("Friedman's test needs 2 or more blocks of 2 or more treatments");
        }
        int k = scores[0].length;
        double[] sums = new double[k];
        NaturalRanking ranking = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
        for (double[] block : scores) {
            if (block.length != k) {
                throw new IllegalArgumentException("every block needs " + k + " scores, got " + block.length);
            }
            double[] keys = block.clone();
            if (higherIsBetter) {
                for (int j = 0; j < k; j++) {
                    keys[j] = -keys[j];
                }
            }
            double[] ranks = ranking.rank(keys);
            for (int j = 0; j < k; j++) {
                sums[j] += ranks[j];
            }
        }
        double[] average = new double[k];
        for (int j = 0; j < k; j++) {
            average[j] = sums[j] / n;
        }
        return fromAverageRanks(average, n);
    }

    /**
     * @param averageRanks per treatment, its mean rank over the blocks
     * @param blocks       N
     * @return the test from the average ranks alone (as a paper reports them)
     */
    public static Friedman fromAverageRanks(double[] averageRanks, int blocks) {
        int k = averageRanks.length;
        double squares = 0;
        for (double r : averageRanks) {
            squares += r * r;
        }
        double chi = 12.0 * blocks / (k * (k + 1.0)) * (squares - k * (k + 1.0) * (k + 1.0) / 4);
        double p = 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(chi);
        double denominator = blocks * (k - 1.0) - chi;
        double f = denominator <= 0 ? Double.POSITIVE_INFINITY : (blocks - 1.0) * chi / denominator;
        double fp = Double.isInfinite(f) ? 0 : 1 - new FDistribution(k - 1, (k - 1.0) * (blocks - 1)).cumulativeProbability(f);
        return new Friedman(averageRanks.clone(), blocks, chi, p, f, fp);
    }

    /**
     * The Nemenyi test's critical difference: two treatments whose average ranks differ by at
     * least this much perform significantly differently, CD = q_α √(k(k+1) / (6N)), q_α the
     * studentized range quantile over √2 (Demšar, §3.2.2).
     *
     * @param alpha the significance level, e.g. 0.05
     * @return the critical difference of average ranks
     */
    public double criticalDifference(double alpha) {
        int k = averageRanks.length;
        double q = StudentizedRange.quantile(1 - alpha, k) / Math.sqrt(2);
        return q * Math.sqrt(k * (k + 1.0) / (6.0 * blocks));
    }
}
