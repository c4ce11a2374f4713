package dev.tributary.evaluation.metrics;

import dev.tributary.common.metrics.MetricId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The input checks and metric formulas that {@link ClassificationEvaluator} and
 * {@link PrequentialEvaluator} share, kept in one place so that the holdout and prequential
 * numbers cannot drift apart: given the same examples in the same order, both compute every
 * metric but ROC AUC with the same floating-point operations. The definitions are documented
 * on {@link ClassificationEvaluator}.
 */
final class MetricFormulas {

    private MetricFormulas() {
    }

    /**
     * Validates one example and returns its predicted class, the argmax of the probabilities,
     * ties going to the lowest class index.
     *
     * @param numClasses the number of classes
     * @param actualLabel the true class
     * @param classProbabilities the predicted probability of each class
     * @return the predicted class
     * @throws IllegalArgumentException if the label is out of range, the array is null or of
     *     the wrong length, or an entry is NaN or infinite
     */
    static int checkedPrediction(int numClasses, int actualLabel, double[] classProbabilities) {
        if (actualLabel < 0 || actualLabel >= numClasses) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "actualLabel must be in [0, %d), got %d", numClasses, actualLabel));
        }
        if (classProbabilities == null) {
            throw new IllegalArgumentException("classProbabilities must not be null");
        }
        if (classProbabilities.length != numClasses) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "classProbabilities must have numClasses = %d entries, got %d",
                    numClasses, classProbabilities.length));
        }
        int predicted = 0;
        for (int k = 0; k < numClasses; k++) {
            double p = classProbabilities[k];
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "classProbabilities[%d] must be finite, got %s", k, p));
            }
            // Strictly greater, so that a tie goes to the lowest index.
            if (p > classProbabilities[predicted]) {
                predicted = k;
            }
        }
        return predicted;
    }

    /**
     * @param actualLabel the true class
     * @param classProbabilities the predicted probability of each class
     * @return {@code -ln(max(p_true, LOG_LOSS_EPSILON))}, in nats
     */
    static double logLossTerm(int actualLabel, double[] classProbabilities) {
        return -Math.log(Math.max(classProbabilities[actualLabel], ClassificationEvaluator.LOG_LOSS_EPSILON));
    }

    /**
     * Computes every metric from sufficient statistics that need no per-example storage.
     *
     * @param matrix the confusion matrix of the examples
     * @param logLossSum the sum of their {@link #logLossTerm} values
     * @param noChangeCorrect how many of them the no-change classifier got right
     * @param rocAuc the ROC AUC, computed by the caller (exactly or from histograms)
     * @return the evaluation; every metric NaN when the matrix is empty
     */
    static ClassificationEvaluation evaluation(ConfusionMatrix matrix, double logLossSum,
            long noChangeCorrect, double rocAuc) {
        Map<MetricId, Double> metrics = new EnumMap<>(MetricId.class);
        long count = matrix.total();
        if (count == 0) {
            for (MetricId id : MetricId.values()) {
                metrics.put(id, Double.NaN);
            }
            return new ClassificationEvaluation(matrix, metrics);
        }

        int numClasses = matrix.numClasses();
        double n = count;
        long correct = matrix.correct();
        double accuracy = correct / n;

        // Per-class precision, recall and F1 with zero_division = 0.
        double[] precision = new double[numClasses];
        double[] recall = new double[numClasses];
        double[] f1 = new double[numClasses];
        double chanceAgreement = 0;
        long majorityCount = 0;
        for (int k = 0; k < numClasses; k++) {
            long tp = matrix.count(k, k);
            long predictedK = matrix.predictedTotal(k);
            long actualK = matrix.actualTotal(k);
            precision[k] = predictedK == 0 ? 0 : (double) tp / predictedK;
            recall[k] = actualK == 0 ? 0 : (double) tp / actualK;
            double sum = precision[k] + recall[k];
            f1[k] = sum == 0 ? 0 : 2 * precision[k] * recall[k] / sum;
            chanceAgreement += (double) actualK * predictedK;
            majorityCount = Math.max(majorityCount, actualK);
        }
        chanceAgreement /= n * n;

        double macroPrecision = mean(precision);
        double macroRecall = mean(recall);
        double macroF1 = mean(f1);
        boolean binary = numClasses == 2;

        metrics.put(MetricId.ACCURACY, accuracy);
        metrics.put(MetricId.PRECISION, binary ? precision[1] : macroPrecision);
        metrics.put(MetricId.RECALL, binary ? recall[1] : macroRecall);
        metrics.put(MetricId.F1, binary ? f1[1] : macroF1);
        metrics.put(MetricId.MACRO_PRECISION, macroPrecision);
        metrics.put(MetricId.MACRO_RECALL, macroRecall);
        metrics.put(MetricId.MACRO_F1, macroF1);
        metrics.put(MetricId.MICRO_F1, accuracy);
        metrics.put(MetricId.ROC_AUC, rocAuc);
        metrics.put(MetricId.LOG_LOSS, logLossSum / n);
        metrics.put(MetricId.COHEN_KAPPA,
                1 - chanceAgreement == 0 ? Double.NaN : (accuracy - chanceAgreement) / (1 - chanceAgreement));
        // (p0 - pb) / (1 - pb) with p0 = correct / n and pb = baselineCorrect / n is
        // (correct - baselineCorrect) / (n - baselineCorrect); the counts form is exact until
        // the one division, and its 0/0 case is an exact integer test.
        metrics.put(MetricId.KAPPA_TEMPORAL, baselineKappa(correct, noChangeCorrect, count));
        metrics.put(MetricId.KAPPA_M, baselineKappa(correct, majorityCount, count));
        return new ClassificationEvaluation(matrix, metrics);
    }

    private static double baselineKappa(long correct, long baselineCorrect, long count) {
        return baselineCorrect == count ? Double.NaN : (double) (correct - baselineCorrect) / (count - baselineCorrect);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
