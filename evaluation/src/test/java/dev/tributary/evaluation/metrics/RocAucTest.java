package dev.tributary.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RocAucTest {

    @Test
    void perfectReversedAndAllTied() {
        assertEquals(1.0, RocAuc.auc(new double[] {0.6, 0.9}, new double[] {0.1, 0.5}));
        assertEquals(0.0, RocAuc.auc(new double[] {0.1, 0.5}, new double[] {0.6, 0.9}));
        assertEquals(0.5, RocAuc.auc(new double[] {0.5, 0.5}, new double[] {0.5, 0.5, 0.5}));
    }

    @Test
    void tieCountsOneHalf() {
        // Pairs: (0.8 vs 0.3) win, (0.8 vs 0.8) tie, (0.2 vs 0.3) loss, (0.2 vs 0.8) loss.
        assertEquals((1 + 0.5) / 4, RocAuc.auc(new double[] {0.8, 0.2}, new double[] {0.3, 0.8}));
    }

    @Test
    void emptySideIsNaN() {
        assertTrue(Double.isNaN(RocAuc.auc(new double[0], new double[] {0.5})));
        assertTrue(Double.isNaN(RocAuc.auc(new double[] {0.5}, new double[0])));
    }

    @Test
    void matchesEveryPairComparisonOnRandomScoresWithManyTies() {
        Random random = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            double[] positives = new double[1 + random.nextInt(60)];
            double[] negatives = new double[1 + random.nextInt(60)];
            // One decimal place, so that ties between and within the groups are common.
            for (int i = 0; i < positives.length; i++) {
                positives[i] = random.nextInt(11) / 10.0;
            }
            for (int i = 0; i < negatives.length; i++) {
                negatives[i] = random.nextInt(11) / 10.0;
            }
            assertEquals(bruteForce(positives, negatives), RocAuc.auc(positives, negatives), 1e-12, "trial " + trial);
        }
    }

    private static double bruteForce(double[] positives, double[] negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / (positives.length * (double) negatives.length);
    }
}
