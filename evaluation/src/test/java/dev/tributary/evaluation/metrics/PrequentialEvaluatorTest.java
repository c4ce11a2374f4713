package dev.tributary.evaluation.metrics;

import dev.tributary.common.metrics.MetricId;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrequentialEvaluatorTest {

    private static final double TOLERANCE = 1e-12;

    /**
     * Seven binary examples, P(class 1) given; predicted = 1 when P(class 1) > 0.5.
     * <pre>
     * i          1    2    3    4    5    6    7
     * actual     0    1    1    0    1    1    0
     * P(1)      0.2  0.9  0.4  0.1  0.8  0.7  0.6
     * predicted  0    1    0    0    1    1    1
     * correct    y    y    n    y    y    y    n
     * </pre>
     */
    private static final int[] LABELS = {0, 1, 1, 0, 1, 1, 0};
    private static final double[] SCORES = {0.2, 0.9, 0.4, 0.1, 0.8, 0.7, 0.6};

    /** Adds the fixture's examples {@code i = from+1 .. to} (0-based indices from .. to-1). */
    private static void addExamples(PrequentialEvaluator e, int from, int to) {
        for (int i = from; i < to; i++) {
            e.add(LABELS[i], new double[] {1 - SCORES[i], SCORES[i]});
        }
    }

    @Test
    void windowOfFourKeepsTheLastFourAndRemembersThePredecessor() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 4, 0.999);
        addExamples(e, 0, 7);
        ClassificationEvaluation w = e.window();
        // Examples 1-3 have left; the window is i = 4..7: actual 0 1 1 0, predicted 0 1 1 1.
        assertEquals(4, w.count());
        assertEquals(new ConfusionMatrix(new long[][] {{1, 1}, {0, 2}}), w.confusionMatrix());
        assertEquals(3.0 / 4.0, w.get(MetricId.ACCURACY), TOLERANCE);
        // Positive class: precision 2/3, recall 2/2, F1 = 2 (2/3)(1) / (5/3) = 4/5
        assertEquals(2.0 / 3.0, w.get(MetricId.PRECISION), TOLERANCE);
        assertEquals(1.0, w.get(MetricId.RECALL), TOLERANCE);
        assertEquals(4.0 / 5.0, w.get(MetricId.F1), TOLERANCE);
        // No-change guesses for i = 4..7 are the previous actuals 1 (i = 3, outside the
        // window), 0, 1, 1 against actuals 0, 1, 1, 0: one hit (i = 6), pe' = 1/4;
        // kappa_t = (3 - 1) / (4 - 1) = 2/3. Guessing 0 for i = 4 instead would give 2 hits and 1/2.
        assertEquals(2.0 / 3.0, w.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
        // Window actual counts 2 and 2: pM = 1/2, kappa_M = (3 - 2) / (4 - 2) = 1/2
        assertEquals(1.0 / 2.0, w.get(MetricId.KAPPA_M), TOLERANCE);
        // Actual totals (2, 2), predicted totals (1, 3): pe = (2 + 6) / 16 = 1/2, kappa = 1/2
        assertEquals(1.0 / 2.0, w.get(MetricId.COHEN_KAPPA), TOLERANCE);
        // Positives 0.8, 0.7 beat negatives 0.1, 0.6 in all 4 pairs; the positive 0.4 of i = 3,
        // which lost to 0.6, has left the window.
        assertEquals(1.0, w.get(MetricId.ROC_AUC), TOLERANCE);
        // Probabilities of the actual class: 0.9, 0.8, 0.7, 0.4
        assertEquals(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.7) + Math.log(0.4)) / 4,
                w.get(MetricId.LOG_LOSS), TOLERANCE);
    }

    @Test
    void windowSlidesOneExampleAtATime() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 4, 0.999);
        addExamples(e, 0, 4);
        // i = 1..4, the whole stream: actual 0 1 1 0, correct y y n y.
        // No-change guesses 0 (initial), 0, 1, 1: hits at i = 1 and 3, so
        // kappa_t = (3 - 2) / (4 - 2) = 1/2.
        ClassificationEvaluation full = e.window();
        assertEquals(4, full.count());
        assertEquals(3.0 / 4.0, full.get(MetricId.ACCURACY), TOLERANCE);
        assertEquals(1.0 / 2.0, full.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);

        addExamples(e, 4, 5);
        // i = 2..5: actual 1 1 0 1, correct y n y y; i = 1 has left.
        // No-change guesses 0 (actual of i = 1), 1, 1, 0: one hit (i = 3),
        // kappa_t = (3 - 1) / (4 - 1) = 2/3; counts (1, 3): kappa_M = (3 - 3) / (4 - 3) = 0.
        ClassificationEvaluation slid = e.window();
        assertEquals(new ConfusionMatrix(new long[][] {{1, 0}, {1, 2}}), slid.confusionMatrix());
        assertEquals(2.0 / 3.0, slid.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
        assertEquals(0.0, slid.get(MetricId.KAPPA_M), TOLERANCE);
        assertEquals(5, e.count());
    }

    @Test
    void windowNotYetFullIsTheWholeStreamWithExactAuc() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 10, 0.999);
        ClassificationEvaluator holdout = new ClassificationEvaluator(2);
        for (int i = 0; i < 7; i++) {
            double[] p = {1 - SCORES[i], SCORES[i]};
            e.add(LABELS[i], p);
            holdout.add(LABELS[i], p);
        }
        assertEquals(holdout.evaluate(), e.window());
    }

    @Test
    void windowOfOneHoldsTheLastExample() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 1, 0.999);
        addExamples(e, 0, 3);
        ClassificationEvaluation w = e.window();
        // Only i = 3: actual 1, predicted 0; its predecessor's class is 1, a no-change hit:
        // kappa_t = (0 - 1) / (1 - 1) = NaN. One class only: AUC and kappa_M NaN.
        assertEquals(1, w.count());
        assertEquals(0.0, w.get(MetricId.ACCURACY));
        assertTrue(Double.isNaN(w.get(MetricId.KAPPA_TEMPORAL)));
        assertTrue(Double.isNaN(w.get(MetricId.KAPPA_M)));
        assertTrue(Double.isNaN(w.get(MetricId.ROC_AUC)));
    }

    @Test
    void cumulativeCoversEverythingAdded() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 4, 0.999);
        addExamples(e, 0, 7);
        ClassificationEvaluation c = e.cumulative();
        assertEquals(7, c.count());
        assertEquals(new ConfusionMatrix(new long[][] {{2, 1}, {1, 3}}), c.confusionMatrix());
        assertEquals(5.0 / 7.0, c.get(MetricId.ACCURACY), TOLERANCE);
        // No-change guesses 0 (initial), 0, 1, 1, 0, 1, 1 against actuals 0 1 1 0 1 1 0:
        // hits at i = 1, 3, 6, so kappa_t = (5 - 3) / (7 - 3) = 1/2.
        assertEquals(1.0 / 2.0, c.get(MetricId.KAPPA_TEMPORAL), TOLERANCE);
        // Actual counts (3, 4): pM = 4/7, kappa_M = (5 - 4) / (7 - 4) = 1/3.
        assertEquals(1.0 / 3.0, c.get(MetricId.KAPPA_M), TOLERANCE);
        // Positives 0.9, 0.4, 0.8, 0.7 vs negatives 0.2, 0.1, 0.6: 0.4 loses to 0.6 only, so
        // 11 of 12 pairs are won. No two scores share a bin of width 1e-4: the binned AUC is exact.
        assertEquals(11.0 / 12.0, c.get(MetricId.ROC_AUC), TOLERANCE);
    }

    @Test
    void cumulativeAucIsBinned() {
        // With 10 bins, the positive 0.65 and the negative 0.61 share bin 6 and tie:
        // cumulative = (1/2 + 1) / 2 = 3/4, while the window, exact, says 1.
        PrequentialEvaluator e = new PrequentialEvaluator(2, 10, 0.999, 10);
        e.add(1, new double[] {0.35, 0.65});
        e.add(0, new double[] {0.39, 0.61});
        e.add(0, new double[] {0.7, 0.3});
        assertEquals(0.75, e.cumulative().get(MetricId.ROC_AUC), TOLERANCE);
        assertEquals(1.0, e.window().get(MetricId.ROC_AUC), TOLERANCE);
    }

    @Test
    void fadingWithHalfWeightsByHand() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 4, 0.5);
        // i = 1: actual 0, predicted 0. W = 1, accuracy 1; pe = (1)(1) = 1 -> kappa NaN.
        e.add(0, new double[] {0.9, 0.1});
        FadingMetrics f1 = e.fading();
        assertEquals(1.0, f1.weightSum());
        assertEquals(1.0, f1.accuracy());
        assertTrue(Double.isNaN(f1.kappa()), "pe = 1");

        // i = 2: actual 1, predicted 0. Weights: i=2 -> 1, i=1 -> 1/2; W = 3/2.
        // accuracy = (1/2) / (3/2) = 1/3. Actual shares: class 0 (1/2)/(3/2) = 1/3, class 1 2/3.
        // Predicted shares: class 0 1, class 1 0. pe = (1/3)(1) + (2/3)(0) = 1/3,
        // kappa = (1/3 - 1/3) / (2/3) = 0.
        e.add(1, new double[] {0.8, 0.2});
        FadingMetrics f2 = e.fading();
        assertEquals(1.5, f2.weightSum(), TOLERANCE);
        assertEquals(1.0 / 3.0, f2.accuracy(), TOLERANCE);
        assertEquals(0.0, f2.kappa(), TOLERANCE);

        // i = 3: actual 1, predicted 1. Weights 1, 1/2, 1/4; W = 7/4.
        // correct: i=3 (1) + i=1 (1/4) = 5/4 -> accuracy 5/7.
        // Actual: class 0 = 1/4 -> 1/7, class 1 = 3/2 -> 6/7.
        // Predicted: class 0 = 1/4 + 1/2 = 3/4 -> 3/7, class 1 = 1 -> 4/7.
        // pe = (1/7)(3/7) + (6/7)(4/7) = 27/49; kappa = (35/49 - 27/49) / (22/49) = 4/11.
        e.add(1, new double[] {0.3, 0.7});
        FadingMetrics f3 = e.fading();
        assertEquals(1.75, f3.weightSum(), TOLERANCE);
        assertEquals(5.0 / 7.0, f3.accuracy(), TOLERANCE);
        assertEquals(4.0 / 11.0, f3.kappa(), TOLERANCE);

        // i = 4: actual 0, predicted 1. Weights 1, 1/2, 1/4, 1/8; W = 15/8.
        // correct: i=3 (1/2) + i=1 (1/8) = 5/8 -> accuracy 1/3.
        // Actual: class 0 = 1/8 + 1 = 9/8 -> 3/5, class 1 = 1/4 + 1/2 = 6/8 -> 2/5.
        // Predicted: class 0 = 1/8 + 1/4 = 3/8 -> 1/5, class 1 = 1/2 + 1 = 12/8 -> 4/5.
        // pe = (3/5)(1/5) + (2/5)(4/5) = 11/25; kappa = (1/3 - 11/25) / (14/25) = -4/21.
        e.add(0, new double[] {0.4, 0.6});
        FadingMetrics f4 = e.fading();
        assertEquals(1.875, f4.weightSum(), TOLERANCE);
        assertEquals(1.0 / 3.0, f4.accuracy(), TOLERANCE);
        assertEquals(-4.0 / 21.0, f4.kappa(), TOLERANCE);
        assertEquals(4, f4.count());
        assertEquals(0.5, f4.fadingFactor());
    }

    @Test
    void fadingFactorOneIsTheCumulativeAccuracyAndKappa() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 4, 1.0);
        addExamples(e, 0, 7);
        FadingMetrics f = e.fading();
        ClassificationEvaluation c = e.cumulative();
        assertEquals(7.0, f.weightSum());
        assertEquals(c.get(MetricId.ACCURACY), f.accuracy(), TOLERANCE);
        assertEquals(c.get(MetricId.COHEN_KAPPA), f.kappa(), TOLERANCE);
    }

    @Test
    void cumulativeEqualsTheHoldoutEvaluatorOnRandomData() {
        for (int numClasses : new int[] {2, 3, 5}) {
            Random random = new Random(42 + numClasses);
            PrequentialEvaluator prequential = new PrequentialEvaluator(numClasses, 100, 0.999);
            ClassificationEvaluator holdout = new ClassificationEvaluator(numClasses);
            for (int i = 0; i < 20_000; i++) {
                // Runs of 50 equal labels with one in four replaced at random, so that the
                // no-change classifier is strong and kappa-temporal far from accuracy.
                int label = random.nextInt(4) == 0 ? random.nextInt(numClasses) : (i / 50) % numClasses;
                double[] p = randomProbabilities(random, numClasses, label);
                prequential.add(label, p);
                holdout.add(label, p);
            }
            ClassificationEvaluation expected = holdout.evaluate();
            ClassificationEvaluation actual = prequential.cumulative();
            assertEquals(expected.confusionMatrix(), actual.confusionMatrix(), numClasses + " classes");
            for (MetricId id : MetricId.values()) {
                if (id == MetricId.ROC_AUC) {
                    // Binned (10,000 bins) against exact.
                    assertEquals(expected.get(id), actual.get(id), 1e-3, numClasses + " classes: " + id.key());
                } else {
                    // The same formulas on the same counts: equal to the last bit.
                    assertEquals(expected.get(id), actual.get(id), numClasses + " classes: " + id.key());
                }
            }
        }
    }

    @Test
    void aMillionExamplesInConstantMemory() {
        // Everything the evaluator holds is allocated in its constructor; this run only shows
        // that a long stream goes through and is counted, with a window of fixed size.
        int n = 1_000_000;
        Random random = new Random(5);
        PrequentialEvaluator e = new PrequentialEvaluator(2, 1_000, PrequentialEvaluator.DEFAULT_FADING_FACTOR);
        double[] p = new double[2];
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(2);
            double score = random.nextDouble();
            p[0] = 1 - score;
            p[1] = score;
            e.add(label, p);
        }
        assertEquals(n, e.count());
        assertEquals(n, e.cumulative().count());
        assertEquals(1_000, e.window().count());
        FadingMetrics f = e.fading();
        assertEquals(n, f.count());
        // W = (1 - α^n) / (1 - α), and α^1e6 underflows to 0: W = 1000 up to rounding.
        assertEquals(1.0 / (1 - PrequentialEvaluator.DEFAULT_FADING_FACTOR), f.weightSum(), 1e-6);
        // Scores independent of labels: no skill.
        assertEquals(0.5, e.cumulative().get(MetricId.ROC_AUC), 0.01);
    }

    @Test
    void emptyEvaluatorIsNaNEverywhere() {
        PrequentialEvaluator e = new PrequentialEvaluator(3, 5, 0.9);
        assertEquals(0, e.count());
        for (MetricId id : MetricId.values()) {
            assertTrue(Double.isNaN(e.cumulative().get(id)), "cumulative " + id.key());
            assertTrue(Double.isNaN(e.window().get(id)), "window " + id.key());
        }
        FadingMetrics f = e.fading();
        assertEquals(0, f.count());
        assertTrue(Double.isNaN(f.accuracy()));
        assertTrue(Double.isNaN(f.kappa()));
    }

    @Test
    void rejectsInvalidExamplesWithoutChangingState() {
        PrequentialEvaluator e = new PrequentialEvaluator(2, 3, 0.9);
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> e.add(2, new double[] {0.5, 0.5}));
        assertTrue(label.getMessage().contains("[0, 2)") && label.getMessage().contains("got 2"), label.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.add(0, null));
        assertThrows(IllegalArgumentException.class, () -> e.add(0, new double[] {0.2, 0.3, 0.5}));
        assertThrows(IllegalArgumentException.class, () -> e.add(0, new double[] {Double.NaN, 0.5}));
        assertEquals(0, e.count());
        assertEquals(0, e.window().count());
        assertEquals(0, e.fading().count());
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new PrequentialEvaluator(1, 10, 0.999));
        assertThrows(IllegalArgumentException.class, () -> new PrequentialEvaluator(2, 0, 0.999));
        assertThrows(IllegalArgumentException.class, () -> new PrequentialEvaluator(2, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> new PrequentialEvaluator(2, 10, 1.5));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> new PrequentialEvaluator(2, 10, Double.NaN));
        assertTrue(nan.getMessage().contains("(0, 1]"), nan.getMessage());
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> new PrequentialEvaluator(4, Integer.MAX_VALUE / 2, 0.999));
        assertTrue(huge.getMessage().contains("windowSize"), huge.getMessage());
        PrequentialEvaluator ok = new PrequentialEvaluator(3, 7, 0.25);
        assertEquals(3, ok.numClasses());
        assertEquals(7, ok.windowSize());
        assertEquals(0.25, ok.fadingFactor());
    }

    /** Random probabilities leaning towards {@code label}, normalised to sum to 1. */
    private static double[] randomProbabilities(Random random, int numClasses, int label) {
        double[] p = new double[numClasses];
        double sum = 0;
        for (int k = 0; k < numClasses; k++) {
            p[k] = random.nextDouble() + (k == label ? 0.4 : 0);
            sum += p[k];
        }
        for (int k = 0; k < numClasses; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
