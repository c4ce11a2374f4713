package dev.tributary.evaluation.metrics;

import dev.tributary.common.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinnedRocAucTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void binsAreHalfOpenAndOutOfRangeScoresAreClamped() {
        BinnedRocAuc auc = new BinnedRocAuc(2, 10);
        assertEquals(0, auc.bin(0.0));
        assertEquals(0, auc.bin(0.0999));
        assertEquals(1, auc.bin(0.1));
        assertEquals(5, auc.bin(0.5));
        assertEquals(9, auc.bin(0.95));
        assertEquals(9, auc.bin(1.0), "1 belongs to the last bin");
        assertEquals(0, auc.bin(-0.5), "below 0 goes to the first bin");
        assertEquals(9, auc.bin(1.5), "above 1 goes to the last bin");
        assertThrows(IllegalArgumentException.class, () -> auc.bin(Double.NaN));
    }

    @Test
    void pairsSharingABinCountOneHalf() {
        // 10 bins. Positive 0.65 against negatives 0.61 and 0.3: exactly 2/2 = 1, but 0.65 and
        // 0.61 share bin 6, so binned = (1/2 + 1) / 2 = 3/4: the error is half the fraction of
        // pairs sharing a bin (1 of 2 pairs).
        BinnedRocAuc auc = new BinnedRocAuc(2, 10);
        auc.add(1, new double[] {0.35, 0.65});
        auc.add(0, new double[] {0.39, 0.61});
        auc.add(0, new double[] {0.7, 0.3});
        assertEquals(0.75, auc.auc(), TOLERANCE);
        assertEquals(1.0, RocAuc.auc(new double[] {0.65}, new double[] {0.61, 0.3}), TOLERANCE);
    }

    @Test
    void oneVsRestSkipsClassesWithoutPositives() {
        // Same data as ClassificationEvaluatorTest.threeClassAucSkipsAClassWithoutPositives, in
        // 10 bins: class 0: positive 0.5 (bin 5) vs negatives 0.4, 0.2 (bins 4, 2) -> 1;
        // class 1: positives 0.4 (bin 4), 0.7 (bin 7) vs negative 0.45 (bin 4) -> (1/2 + 1) / 2;
        // class 2: no positives, left out.
        BinnedRocAuc auc = new BinnedRocAuc(3, 10);
        auc.add(0, new double[] {0.5, 0.45, 0.05});
        auc.add(1, new double[] {0.4, 0.4, 0.2});
        auc.add(1, new double[] {0.2, 0.7, 0.1});
        assertEquals((1 + 0.75) / 2, auc.auc(), TOLERANCE);
    }

    @Test
    void oneBinIsAllTies() {
        BinnedRocAuc auc = new BinnedRocAuc(2, 1);
        auc.add(1, new double[] {0.1, 0.9});
        auc.add(0, new double[] {0.9, 0.1});
        assertEquals(0.5, auc.auc());
    }

    @Test
    void undefinedWithoutBothClasses() {
        BinnedRocAuc auc = new BinnedRocAuc(2, 100);
        assertTrue(Double.isNaN(auc.auc()), "empty");
        auc.add(1, new double[] {0.1, 0.9});
        assertTrue(Double.isNaN(auc.auc()), "no negatives");
    }

    @Test
    void fineBinsMatchTheExactAucOnRandomScores() {
        Random random = new Random(11);
        int n = 5_000;
        BinnedRocAuc binned = new BinnedRocAuc(2, 10_000);
        ClassificationEvaluator exact = new ClassificationEvaluator(2);
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(2);
            double score = Math.min(1, Math.max(0, 0.5 + 0.2 * random.nextGaussian() + (label == 1 ? 0.1 : -0.1)));
            double[] p = {1 - score, score};
            binned.add(label, p);
            exact.add(label, p);
        }
        // Bins of width 1e-4 hold about n * 1e-4 * density scores, so few pairs share one.
        assertEquals(exact.evaluate().get(MetricId.ROC_AUC), binned.auc(), 1e-4);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new BinnedRocAuc(1, 10));
        assertThrows(IllegalArgumentException.class, () -> new BinnedRocAuc(2, 0));
    }
}
