package dev.tributary.evaluation.metrics;

import dev.tributary.common.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassificationEvaluatorTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * Eight binary examples, P(class 1) in the second entry.
     * <pre>
     * actual 1: P(1) = 0.9 0.8 0.6 0.4  -> predicted 1 1 1 0
     * actual 0: P(1) = 0.7 0.6 0.3 0.2  -> predicted 1 1 0 0
     *
     *              predicted 0  predicted 1
     * actual 0         TN = 2       FP = 2
     * actual 1         FN = 1       TP = 3
     * </pre>
     */
    private static ClassificationEvaluator binaryFixture() {
        ClassificationEvaluator e = new ClassificationEvaluator(2);
        e.add(1, new double[] {0.1, 0.9});
        e.add(1, new double[] {0.2, 0.8});
        e.add(1, new double[] {0.4, 0.6});
        e.add(1, new double[] {0.6, 0.4});
        e.add(0, new double[] {0.3, 0.7});
        e.add(0, new double[] {0.4, 0.6});
        e.add(0, new double[] {0.7, 0.3});
        e.add(0, new double[] {0.8, 0.2});
        return e;
    }

    @Test
    void binaryConfusionMatrixAndCountingMetrics() {
        ClassificationEvaluation r = binaryFixture().evaluate();
        assertEquals(8, r.count());
        assertEquals(new ConfusionMatrix(new long[][] {{2, 2}, {1, 3}}), r.confusionMatrix());

        // accuracy = (TN + TP) / n = (2 + 3) / 8
        assertEquals(5.0 / 8.0, r.get(MetricId.ACCURACY), TOLERANCE);
        // positive class: precision = TP / (TP + FP) = 3 / 5, recall = TP / (TP + FN) = 3 / 4,
        // F1 = 2 * (3/5) * (3/4) / (3/5 + 3/4) = (18/20) / (27/20) = 2/3
        assertEquals(3.0 / 5.0, r.get(MetricId.PRECISION), TOLERANCE);
        assertEquals(3.0 / 4.0, r.get(MetricId.RECALL), TOLERANCE);
        assertEquals(2.0 / 3.0, r.get(MetricId.F1), TOLERANCE);
        // class 0: precision = TN / (TN + FN) = 2 / 3, recall = TN / (TN + FP) = 2 / 4,
        // F1 = 2 * (2/3) * (1/2) / (2/3 + 1/2) = (2/3) / (7/6) = 4/7
        assertEquals((3.0 / 5.0 + 2.0 / 3.0) / 2, r.get(MetricId.MACRO_PRECISION), TOLERANCE);
        assertEquals((3.0 / 4.0 + 2.0 / 4.0) / 2, r.get(MetricId.MACRO_RECALL), TOLERANCE);
        assertEquals((2.0 / 3.0 + 4.0 / 7.0) / 2, r.get(MetricId.MACRO_F1), TOLERANCE);
        assertEquals(5.0 / 8.0, r.get(MetricId.MICRO_F1), TOLERANCE);
        // actual totals 4, 4; predicted totals 3, 5; pe = (4*3 + 4*5) / 8^2 = 1/2;
        // kappa = (5/8 - 1/2) / (1 - 1/2) = 1/4
        assertEquals(1.0 / 4.0, r.get(MetricId.COHEN_KAPPA), TOLERANCE);
    }

    @Test
    void binaryAucCountsTheSharedScoreAsOneHalf() {
        // Positives 0.9, 0.8, 0.6, 0.4 against negatives 0.7, 0.6, 0.3, 0.2:
        // 0.9 beats 4, 0.8 beats 4, 0.6 beats 2 and ties the negative 0.6, 0.4 beats 2.
        assertEquals((4 + 4 + 2.5 + 2) / 16.0, binaryFixture().evaluate().get(MetricId.ROC_AUC), TOLERANCE);
    }

    @Test
    void binaryAucPerfectAndReversed() {
        ClassificationEvaluator perfect = new ClassificationEvaluator(2);
        ClassificationEvaluator reversed = new ClassificationEvaluator(2);
        double[] positiveScores = {0.9, 0.7, 0.55};
        double[] negativeScores = {0.5, 0.2, 0.1};
        for (int i = 0; i < 3; i++) {
            perfect.add(1, new double[] {1 - positiveScores[i], positiveScores[i]});
            perfect.add(0, new double[] {1 - negativeScores[i], negativeScores[i]});
            reversed.add(0, new double[] {1 - positiveScores[i], positiveScores[i]});
            reversed.add(1, new double[] {1 - negativeScores[i], negativeScores[i]});
        }
        assertEquals(1.0, perfect.evaluate().get(MetricId.ROC_AUC));
        assertEquals(0.0, reversed.evaluate().get(MetricId.ROC_AUC));
    }

    @Test
    void logLossIsMeanNegativeLogOfTheActualClassProbability() {
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.4)
                + Math.log(0.3) + Math.log(0.4) + Math.log(0.7) + Math.log(0.8)) / 8;
        assertEquals(expected, binaryFixture().evaluate().get(MetricId.LOG_LOSS), TOLERANCE);
    }

    @Test
    void logLossClipsZeroProbabilityAt1e15() {
        ClassificationEvaluator e = new ClassificationEvaluator(2);
        e.add(0, new double[] {0.0, 1.0});
        assertEquals(-Math.log(1e-15), e.evaluate().get(MetricId.LOG_LOSS), TOLERANCE);
        e.add(1, new double[] {0.5, 0.5});
        assertEquals((-Math.log(1e-15) - Math.log(0.5)) / 2, e.evaluate().get(MetricId.LOG_LOSS), TOLERANCE);
    }

    @Test
    void argmaxTieGoesToTheLowestIndex() {
        ClassificationEvaluator e = new ClassificationEvaluator(3);
        e.add(2, new double[] {0.2, 0.4, 0.4});
        e.add(0, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3});
        ConfusionMatrix m = e.evaluate().confusionMatrix();
        assertEquals(1, m.count(2, 1));
        assertEquals(1, m.count(0, 0));
    }

    /**
     * Nine examples over three classes.
     * <pre>
     *              pred 0  pred 1  pred 2   | actual total
     * actual 0        2       1       0     |  3
     * actual 1        0       3       1     |  4
     * actual 2        1       1       0     |  2
     * predicted       3       5       1     |  n = 9, correct = 5
     * </pre>
     */
    @Test
    void threeClassMacroAndMicro() {
        ClassificationEvaluator e = new ClassificationEvaluator(3);
        addTimes(e, 0, 0, 2);
        addTimes(e, 0, 1, 1);
        addTimes(e, 1, 1, 3);
        addTimes(e, 1, 2, 1);
        addTimes(e, 2, 0, 1);
        addTimes(e, 2, 1, 1);
        ClassificationEvaluation r = e.evaluate();
        assertEquals(new ConfusionMatrix(new long[][] {{2, 1, 0}, {0, 3, 1}, {1, 1, 0}}), r.confusionMatrix());

        // class 0: P = 2/3, R = 2/3, F1 = 2/3
        // class 1: P = 3/5, R = 3/4, F1 = 2*3 / (2*3 + 2 + 1) = 2/3
        // class 2: P = 0/1 = 0, R = 0/2 = 0, F1 = 0
        double macroPrecision = (2.0 / 3.0 + 3.0 / 5.0 + 0) / 3;
        double macroRecall = (2.0 / 3.0 + 3.0 / 4.0 + 0) / 3;
        double macroF1 = (2.0 / 3.0 + 2.0 / 3.0 + 0) / 3;
        assertEquals(macroPrecision, r.get(MetricId.MACRO_PRECISION), TOLERANCE);
        assertEquals(macroRecall, r.get(MetricId.MACRO_RECALL), TOLERANCE);
        assertEquals(macroF1, r.get(MetricId.MACRO_F1), TOLERANCE);
        // Macro F1 is the mean of per-class F1, not the F1 of macro precision and recall.
        assertNotEquals(2 * macroPrecision * macroRecall / (macroPrecision + macroRecall),
                r.get(MetricId.MACRO_F1), 1e-3);
        // Multi-class: the unqualified metrics are the macro ones.
        assertEquals(r.get(MetricId.MACRO_PRECISION), r.get(MetricId.PRECISION));
        assertEquals(r.get(MetricId.MACRO_RECALL), r.get(MetricId.RECALL));
        assertEquals(r.get(MetricId.MACRO_F1), r.get(MetricId.F1));
        // Micro F1 = accuracy = 5/9 for single-label data.
        assertEquals(5.0 / 9.0, r.get(MetricId.ACCURACY), TOLERANCE);
        assertEquals(5.0 / 9.0, r.get(MetricId.MICRO_F1), TOLERANCE);
        // pe = (3*3 + 4*5 + 2*1) / 81 = 31/81; kappa = (45/81 - 31/81) / (50/81) = 7/25
        assertEquals(7.0 / 25.0, r.get(MetricId.COHEN_KAPPA), TOLERANCE);
    }

    @Test
    void classNeverSeenCountsAsZeroInMacroAverages() {
        // Class 2 has no actual and no predicted examples: its P, R and F1 are 0 and stay in the mean.
        ClassificationEvaluator e = new ClassificationEvaluator(3);
        e.add(0, new double[] {0.8, 0.1, 0.1});
        e.add(1, new double[] {0.1, 0.8, 0.1});
        ClassificationEvaluation r = e.evaluate();
        assertEquals(1.0, r.get(MetricId.ACCURACY));
        assertEquals((1 + 1 + 0) / 3.0, r.get(MetricId.MACRO_PRECISION), TOLERANCE);
        assertEquals((1 + 1 + 0) / 3.0, r.get(MetricId.MACRO_RECALL), TOLERANCE);
        assertEquals((1 + 1 + 0) / 3.0, r.get(MetricId.MACRO_F1), TOLERANCE);
    }

    @Test
    void threeClassAucIsMeanOfOneVsRest() {
        ClassificationEvaluator e = new ClassificationEvaluator(3);
        e.add(0, new double[] {0.6, 0.3, 0.1});
        e.add(1, new double[] {0.2, 0.5, 0.3});
        e.add(2, new double[] {0.5, 0.3, 0.2});
        // class 0: positive 0.6 vs negatives 0.2, 0.5 -> 2/2
        // class 1: positive 0.5 vs negatives 0.3, 0.3 -> 2/2
        // class 2: positive 0.2 vs negatives 0.1, 0.3 -> 1/2
        assertEquals((1 + 1 + 0.5) / 3, e.evaluate().get(MetricId.ROC_AUC), TOLERANCE);
    }

    @Test
    void threeClassAucSkipsAClassWithoutPositives() {
        ClassificationEvaluator e = new ClassificationEvaluator(3);
        e.add(0, new double[] {0.5, 0.45, 0.05});
        e.add(1, new double[] {0.4, 0.4, 0.2});
        e.add(1, new double[] {0.2, 0.7, 0.1});
        // class 0: positive 0.5 vs negatives 0.4, 0.2 -> 2/2
        // class 1: positives 0.4, 0.7 vs negative 0.45 -> 1/2
        // class 2: no positives, left out of the mean
        assertEquals((1 + 0.5) / 2, e.evaluate().get(MetricId.ROC_AUC), TOLERANCE);
    }

    @Test
    void multiClassAucMatchesPairwiseComparisonAcrossArrayGrowth() {
        int numClasses = 4;
        int n = 1000;
        Random random = new Random(7);
        int[] labels = new int[n];
        double[][] probabilities = new double[n][];
        ClassificationEvaluator e = new ClassificationEvaluator(numClasses);
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(numClasses);
            double[] p = new double[numClasses];
            double sum = 0;
            for (int k = 0; k < numClasses; k++) {
                // Coarse values, so that scores often tie; a bias towards the actual class.
                p[k] = 1 + random.nextInt(5) + (k == labels[i] ? 2 : 0);
                sum += p[k];
            }
            for (int k = 0; k < numClasses; k++) {
                p[k] /= sum;
            }
            probabilities[i] = p;
            e.add(labels[i], p);
        }
        double expected = 0;
        for (int k = 0; k < numClasses; k++) {
            double wins = 0;
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (labels[i] == k && labels[j] != k) {
                        double pi = probabilities[i][k];
                        double pj = probabilities[j][k];
                        wins += pi > pj ? 1 : pi == pj ? 0.5 : 0;
                        pairs++;
                    }
                }
            }
            expected += wins / pairs;
        }
        expected /= numClasses;
        assertEquals(expected, e.evaluate().get(MetricId.ROC_AUC), TOLERANCE);
    }

    @Test
    void evaluateCanBeRepeatedAndAccumulationGoesOn() {
        ClassificationEvaluator split = new ClassificationEvaluator(3);
        ClassificationEvaluator whole = new ClassificationEvaluator(3);
        double[][] rows = {{0.1, 0.2, 0.7}, {0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.3, 0.3, 0.4}, {0.5, 0.1, 0.4}};
        int[] labels = {2, 0, 2, 1, 0};
        for (int i = 0; i < rows.length; i++) {
            whole.add(labels[i], rows[i]);
        }
        for (int i = 0; i < 3; i++) {
            split.add(labels[i], rows[i]);
        }
        ClassificationEvaluation early = split.evaluate();
        assertEquals(early, split.evaluate());
        for (int i = 3; i < rows.length; i++) {
            split.add(labels[i], rows[i]);
        }
        assertEquals(whole.evaluate(), split.evaluate());
        assertEquals(5, split.count());
    }

    @Test
    void emptyEvaluatorGivesNaNEverywhere() {
        ClassificationEvaluation r = new ClassificationEvaluator(3).evaluate();
        assertEquals(0, r.count());
        assertEquals(ConfusionMatrix.empty(3), r.confusionMatrix());
        for (MetricId id : MetricId.values()) {
            assertTrue(Double.isNaN(r.get(id)), id + " should be NaN with no examples");
        }
    }

    @Test
    void singleClassDataHasNaNAucAndKappa() {
        ClassificationEvaluator e = new ClassificationEvaluator(2);
        e.add(1, new double[] {0.2, 0.8});
        e.add(1, new double[] {0.4, 0.6});
        ClassificationEvaluation r = e.evaluate();
        assertTrue(Double.isNaN(r.get(MetricId.ROC_AUC)), "no negatives: AUC undefined");
        // Every example actual 1 and predicted 1: pe = 1, so kappa is 0/0.
        assertTrue(Double.isNaN(r.get(MetricId.COHEN_KAPPA)), "pe = 1: kappa undefined");
        assertEquals(1.0, r.get(MetricId.ACCURACY));

        ClassificationEvaluator multi = new ClassificationEvaluator(3);
        multi.add(2, new double[] {0.2, 0.3, 0.5});
        assertTrue(Double.isNaN(multi.evaluate().get(MetricId.ROC_AUC)), "no class has both positives and negatives");
    }

    /**
     * Six binary examples in this order; MOA's no-change classifier predicts class 0 for the
     * first, which has no predecessor.
     * <pre>
     * i          1  2  3  4  5  6
     * actual     1  1  1  0  1  1
     * predicted  1  1  0  0  1  1     correct = 5 (all but i = 3)
     * no-change  0  1  1  1  0  1     (previous actual; 0 for i = 1)
     * hit        n  y  y  n  n  y     noChangeCorrect = 3
     * </pre>
     */
    @Test
    void kappaTemporalAndKappaMOnABinarySequence() {
        ClassificationEvaluator e = new ClassificationEvaluator(2);
        int[] actual = {1, 1, 1, 0, 1, 1};
        int[] predicted = {1, 1, 0, 0, 1, 1};
        for (int i = 0; i < actual.length; i++) {
            e.add(actual[i], oneHotish(2, predicted[i]));
        }
        ClassificationEvaluation r = e.evaluate();
        assertEquals(5.0 / 6.0, r.get(MetricId.ACCURACY), TOLERANCE);
        // p0 = 5/6, pe' = 3/6: kappa_t = (5/6 - 3/6) / (1 - 3/6) = (5 - 3) / (6 - 3) = 2/3
        assertEquals(2.0 / 3.0, r.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
        // actual counts: class 0 -> 1, class 1 -> 5; pM = 5/6: kappa_M = (5 - 5) / (6 - 5) = 0,
        // the model is no better than always answering 1.
        assertEquals(0.0, r.get(MetricId.KAPPA_M), TOLERANCE);
        // Cohen for contrast: actual totals (1, 5), predicted totals (2, 4);
        // pe = (1*2 + 5*4) / 36 = 22/36; kappa = (30/36 - 22/36) / (14/36) = 4/7
        assertEquals(4.0 / 7.0, r.get(MetricId.COHEN_KAPPA), TOLERANCE);
    }

    /**
     * Eight three-class examples whose labels come in runs, then the same (actual, predicted)
     * pairs reordered so that no label repeats its predecessor.
     * <pre>
     * actual     2  2  2  0  0  1  1  1
     * predicted  2  2  0  0  1  1  1  2     correct = 5
     * no-change  0  2  2  2  0  0  1  1     hits: i = 2, 3, 5, 7, 8 -> 5
     * </pre>
     */
    @Test
    void kappaTemporalDependsOnOrderAndKappaMDoesNot() {
        int[][] runs = {{2, 2}, {2, 2}, {2, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {1, 2}};
        ClassificationEvaluator inRuns = new ClassificationEvaluator(3);
        for (int[] pair : runs) {
            inRuns.add(pair[0], oneHotish(3, pair[1]));
        }
        ClassificationEvaluation r = inRuns.evaluate();
        assertEquals(5.0 / 8.0, r.get(MetricId.ACCURACY), TOLERANCE);
        // pe' = 5/8 = p0: kappa_t = (5 - 5) / (8 - 5) = 0; the model only matches "repeat the last label".
        assertEquals(0.0, r.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
        // actual counts 2, 3, 3; pM = 3/8: kappa_M = (5 - 3) / (8 - 3) = 2/5
        assertEquals(2.0 / 5.0, r.get(MetricId.KAPPA_M), TOLERANCE);

        // Labels 2 0 1 2 0 1 2 1: no label equals its predecessor, and the first (2) is not the
        // initial 0, so pe' = 0 and kappa_t = (5 - 0) / (8 - 0) = accuracy.
        int[][] alternating = {{2, 2}, {0, 0}, {1, 1}, {2, 2}, {0, 1}, {1, 1}, {2, 0}, {1, 2}};
        ClassificationEvaluator shuffled = new ClassificationEvaluator(3);
        for (int[] pair : alternating) {
            shuffled.add(pair[0], oneHotish(3, pair[1]));
        }
        ClassificationEvaluation s = shuffled.evaluate();
        assertEquals(5.0 / 8.0, s.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
        assertEquals(r.get(MetricId.KAPPA_M), s.get(MetricId.KAPPA_M));
        assertEquals(r.get(MetricId.COHEN_KAPPA), s.get(MetricId.COHEN_KAPPA));
        assertEquals(r.confusionMatrix(), s.confusionMatrix());

        // With the example before the first known to be of class 2 (as for a window of a longer
        // stream), the first example is a no-change hit too: pe' = 6/8,
        // kappa_t = (5 - 6) / (8 - 6) = -1/2, worse than the baseline.
        ClassificationEvaluator seeded = new ClassificationEvaluator(3, 2);
        for (int[] pair : runs) {
            seeded.add(pair[0], oneHotish(3, pair[1]));
        }
        assertEquals(-0.5, seeded.evaluate().get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
    }

    @Test
    void noChangeClassifierPredictsClassZeroForTheFirstExample() {
        // One example of class 0: the no-change guess 0 is right, pe' = 1 -> kappa_t = 0/0 = NaN.
        ClassificationEvaluator zero = new ClassificationEvaluator(2);
        zero.add(0, new double[] {0.9, 0.1});
        assertTrue(Double.isNaN(zero.evaluate().get(MetricId.KAPPA_TEMPORAL)));
        // One example of class 1: the guess 0 is wrong, pe' = 0 -> kappa_t = (1 - 0) / (1 - 0) = 1.
        ClassificationEvaluator one = new ClassificationEvaluator(2);
        one.add(1, new double[] {0.1, 0.9});
        assertEquals(1.0, one.evaluate().get(MetricId.KAPPA_TEMPORAL));
    }

    @Test
    void singleClassStreamsMakeTheBaselineKappasUndefined() {
        // Three examples of class 0, all right: pe' = 3/3 and pM = 3/3, both ratios 0/0.
        ClassificationEvaluator zeros = new ClassificationEvaluator(2);
        for (int i = 0; i < 3; i++) {
            zeros.add(0, new double[] {0.8, 0.2});
        }
        ClassificationEvaluation z = zeros.evaluate();
        assertTrue(Double.isNaN(z.get(MetricId.KAPPA_TEMPORAL)), "pe' = 1");
        assertTrue(Double.isNaN(z.get(MetricId.KAPPA_M)), "pM = 1");
        // Three examples of class 1, all right: the first no-change guess (0) misses, so
        // pe' = 2/3 and kappa_t = (3 - 2) / (3 - 2) = 1; pM = 1 still.
        ClassificationEvaluator ones = new ClassificationEvaluator(2);
        for (int i = 0; i < 3; i++) {
            ones.add(1, new double[] {0.2, 0.8});
        }
        ClassificationEvaluation o = ones.evaluate();
        assertEquals(1.0, o.get(MetricId.KAPPA_TEMPORAL));
        assertTrue(Double.isNaN(o.get(MetricId.KAPPA_M)), "pM = 1");
    }

    @Test
    void labelBeforeFirstMustBeAClass() {
        assertThrows(IllegalArgumentException.class, () -> new ClassificationEvaluator(3, 3));
        assertThrows(IllegalArgumentException.class, () -> new ClassificationEvaluator(3, -1));
    }

    @Test
    void rejectsInvalidInputWithoutChangingState() {
        ClassificationEvaluator e = new ClassificationEvaluator(2);
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> e.add(2, new double[] {0.5, 0.5}));
        assertTrue(label.getMessage().contains("[0, 2)") && label.getMessage().contains("got 2"), label.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.add(-1, new double[] {0.5, 0.5}));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> e.add(0, new double[] {0.2, 0.3, 0.5}));
        assertTrue(length.getMessage().contains("2 entries, got 3"), length.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.add(0, null));
        assertThrows(IllegalArgumentException.class, () -> e.add(0, new double[] {Double.NaN, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> e.add(0, new double[] {0.5, Double.POSITIVE_INFINITY}));
        assertEquals(0, e.count());
        assertEquals(ConfusionMatrix.empty(2), e.evaluate().confusionMatrix());
    }

    @Test
    void rejectsFewerThanTwoClasses() {
        assertThrows(IllegalArgumentException.class, () -> new ClassificationEvaluator(1));
        assertThrows(IllegalArgumentException.class, () -> new ClassificationEvaluator(0));
    }

    /** @return probabilities whose argmax is {@code predicted}: 0.8 there, the rest shared equally */
    private static double[] oneHotish(int numClasses, int predicted) {
        double[] p = new double[numClasses];
        java.util.Arrays.fill(p, 0.2 / (numClasses - 1));
        p[predicted] = 0.8;
        return p;
    }

    private static void addTimes(ClassificationEvaluator e, int actual, int predicted, int times) {
        double[] p = new double[e.numClasses()];
        java.util.Arrays.fill(p, 0.1);
        p[predicted] = 0.8;
        for (int i = 0; i < times; i++) {
            e.add(actual, p);
        }
    }
}
