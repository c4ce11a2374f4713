package dev.tributary.evaluation.metrics;

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

    private static void addTimes(ClassificationEvaluator e, int actual, int predicted, int times) {
        double[] p = new double[e.numClasses()];
        java.util.Arrays.fill(p, 0.1);
        p[predicted] = 0.8;
        for (int i = 0; i < times; i++) {
            e.add(actual, p);
        }
    }
}
