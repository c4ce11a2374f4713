package dev.tributary.results.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * McNemar's test of two classifiers on the same events: only the discordant events count, b
 * where the first was right and the second wrong, c the other way round. Under the null
 * hypothesis each discordant event is a fair coin: the exact p-value is the two-sided binomial
 * one (Commons Math's), used up to {@value #EXACT_UP_TO} discordant events; beyond, the
 * chi-square statistic with Edwards' continuity correction, (|b − c| − 1)² / (b + c), with one
 * degree of freedom (Dietterich, "Approximate statistical tests for comparing supervised
 * classification learning algorithms", 1998).
 *
 * @param firstOnly  b: events the first classified right and the second wrong
 * @param secondOnly c: the other way round
 * @param chiSquare  the continuity-corrected statistic (0 with no discordant event)
 * @param pValue     two-sided: exact up to {@value #EXACT_UP_TO} discordant events, else from χ²(1)
 */
public record McNemar(long firstOnly, long secondOnly, double chiSquare, double pValue) {

    /** Discordant events up to which the exact binomial p-value is used. */
    public static final long EXACT_UP_TO = 1_000;

    /**
     * @param firstOnly  b
     * @param secondOnly c
     * @return the test
     */
    public static McNemar of(long firstOnly, long secondOnly) {
        if (firstOnly < 0 || secondOnly < 0) {
            throw new IllegalArgumentException("discordant counts must be 0 or more: " + firstOnly + ", " + secondOnly);
        }
        long n = firstOnly + secondOnly;
        if (n == 0) {
            return new McNemar(0, 0, 0, 1);
        }
        double corrected = Math.max(0, Math.abs(firstOnly - secondOnly) - 1.0);
        double chi = corrected * corrected / n;
        double p = n <= EXACT_UP_TO
                ? new BinomialTest().binomialTest((int) n, (int) firstOnly, 0.5, AlternativeHypothesis.TWO_SIDED)
                : 1 - new ChiSquaredDistribution(1).cumulativeProbability(chi);
        return new McNemar(firstOnly, secondOnly, chi, Math.min(1, p));
    }
}
