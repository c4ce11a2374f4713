package dev.tributary.evaluation.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Accumulates (actual label, predicted class probabilities) pairs one at a time and turns them
 * into a {@link ClassificationEvaluation}. Batch and streaming runs feed the same accumulator,
 * so their numbers are computed by the same code.
 *
 * <p>The predicted label of an example is the argmax of its probabilities, ties going to the
 * lowest class index. With {@code n} the number of examples, and for a class {@code k}
 * {@code TP_k} its correctly predicted examples, {@code predicted_k} the examples predicted as
 * {@code k} (column total) and {@code actual_k} the examples of class {@code k} (row total):
 * <ul>
 *   <li><b>accuracy</b> = correct / n.</li>
 *   <li><b>per-class</b> precision_k = TP_k / predicted_k, recall_k = TP_k / actual_k,
 *       F1_k = 2 precision_k recall_k / (precision_k + recall_k). A ratio 0/0 (a class never
 *       predicted, or with no examples) is taken as 0, and F1_k is 0 when precision_k + recall_k
 *       = 0; this is scikit-learn's {@code zero_division=0}. It is chosen so that a class the
 *       model never predicts pulls the macro scores down rather than dropping out of them.</li>
 *   <li><b>macro</b> precision, recall and F1 are unweighted means of the per-class values over
 *       <em>all</em> {@code numClasses} classes, including any absent from both the actual and
 *       predicted labels (scikit-learn with {@code labels=range(numClasses)}; its default
 *       averages only the labels present). Macro F1 is the mean of the per-class F1 values, not
 *       the F1 of macro precision and macro recall.</li>
 *   <li><b>precision, recall, F1</b>: when binary ({@code numClasses == 2}) those of the
 *       positive class, label 1; otherwise equal to the macro values.</li>
 *   <li><b>micro F1</b>: precision and recall from counts pooled over classes. With exactly one
 *       actual and one predicted label per example, every error is one false positive (for the
 *       predicted class) and one false negative (for the actual class), so micro precision =
 *       micro recall = micro F1 = accuracy.</li>
 *   <li><b>ROC AUC</b>: binary, the Mann–Whitney probability that a random positive (label 1)
 *       has a higher P(class 1) than a random negative, ties counting 1/2, computed by sorting in
 *       O(n log n); NaN if there are no positives or no negatives. Multi-class, the unweighted
 *       mean over classes of the one-vs-rest AUC of P(class k) (scikit-learn's
 *       {@code multi_class="ovr", average="macro"}), skipping any class with no positives or no
 *       negatives; NaN if none remain.</li>
 *   <li><b>log loss</b>, in nats, = mean of {@code -ln(max(p_true, 1e-15))}, where
 *       {@code p_true} is the probability given to the actual class. The clip keeps one
 *       confident mistake from making the mean infinite.</li>
 *   <li><b>Cohen's kappa</b> = (p0 - pe) / (1 - pe), with p0 = accuracy and
 *       pe = sum_k actual_k predicted_k / n². NaN when 1 - pe = 0, which happens only when every
 *       example is of one class and predicted as that class: chance agreement is then
 *       already perfect and the ratio is 0/0.</li>
 * </ul>
 * With no examples every metric is NaN and the confusion matrix is all zeros.
 *
 * <p><b>Memory.</b> Everything except ROC AUC is computed from the confusion matrix
 * ({@code numClasses²} longs) and a running log-loss sum. AUC is a ranking statistic and needs
 * every score, so the evaluator keeps them in primitive arrays grown by doubling: one double
 * per example when binary (P(class 1)), and {@code numClasses} doubles per example otherwise
 * (P(class k) for every k), plus up to as much again of spare capacity. Scores are grouped by
 * actual class, so no label array is needed. No more than about 2³¹ examples of one class can
 * be held.
 *
 * <p><b>Not checked:</b> that the probabilities lie in [0, 1] and sum to 1; a softmax output
 * differs from 1 by rounding and would be wrongly rejected by an exact check. Only their
 * number and finiteness are validated.
 *
 * <p>Not thread-safe. {@link #evaluate()} may be called at any point and accumulation may go
 * on afterwards.
 */
public final class ClassificationEvaluator {

    /** The lower clip on the probability of the actual class in the log loss. */
    public static final double LOG_LOSS_EPSILON = 1e-15;

    private final int numClasses;
    private final long[][] counts;
    /**
     * scores[actual][j]: the score P(class scoredClass(j)) of every example of class
     * {@code actual}. Binary: j = 0 only, for class 1. Multi-class: j = k for every class k.
     */
    private final GrowableDoubleArray[][] scores;
    private long count;
    private double logLossSum;
    // Neumaier compensation: a long stream adds millions of terms, and a plain sum would let
    // rounding error grow with the count and make batch and stream results differ in digits
    // that should agree.
    private double logLossCompensation;

    /**
     * @param numClasses the number of classes, at least 2; labels are {@code 0 .. numClasses-1}
     * @throws IllegalArgumentException if {@code numClasses < 2}
     */
    public ClassificationEvaluator(int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        this.numClasses = numClasses;
        this.counts = new long[numClasses][numClasses];
        int scoredPerExample = numClasses == 2 ? 1 : numClasses;
        this.scores = new GrowableDoubleArray[numClasses][scoredPerExample];
        for (GrowableDoubleArray[] row : scores) {
            for (int j = 0; j < scoredPerExample; j++) {
                row[j] = new GrowableDoubleArray();
            }
        }
    }

    /** @return the number of classes */
    public int numClasses() {
        return numClasses;
    }

    /**
     * Records one example. Validation happens before any state changes, so a rejected example
     * leaves the evaluator as it was.
     *
     * @param actualLabel the true class, {@code 0 <= actualLabel < numClasses()}
     * @param classProbabilities the predicted probability of each class, indexed by class, of
     *     length {@code numClasses()}; every entry finite (not copied or kept)
     * @throws IllegalArgumentException if the label is out of range, the array is null or of
     *     the wrong length, or an entry is NaN or infinite
     */
    public void add(int actualLabel, double[] classProbabilities) {
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

        counts[actualLabel][predicted]++;
        count++;
        addLogLossTerm(-Math.log(Math.max(classProbabilities[actualLabel], LOG_LOSS_EPSILON)));
        GrowableDoubleArray[] byScoredClass = scores[actualLabel];
        if (numClasses == 2) {
            byScoredClass[0].add(classProbabilities[1]);
        } else {
            for (int k = 0; k < numClasses; k++) {
                byScoredClass[k].add(classProbabilities[k]);
            }
        }
    }

    /** @return the number of examples added so far */
    public long count() {
        return count;
    }

    /**
     * Computes every metric over the examples added so far. The definitions are in the class
     * documentation.
     *
     * @return an immutable evaluation holding every {@link MetricId} and the confusion matrix
     */
    public ClassificationEvaluation evaluate() {
        ConfusionMatrix matrix = new ConfusionMatrix(counts);
        Map<MetricId, Double> metrics = new EnumMap<>(MetricId.class);
        if (count == 0) {
            for (MetricId id : MetricId.values()) {
                metrics.put(id, Double.NaN);
            }
            return new ClassificationEvaluation(matrix, metrics);
        }

        double n = count;
        double accuracy = matrix.correct() / n;

        // Per-class precision, recall and F1 with zero_division = 0.
        double[] precision = new double[numClasses];
        double[] recall = new double[numClasses];
        double[] f1 = new double[numClasses];
        double chanceAgreement = 0;
        for (int k = 0; k < numClasses; k++) {
            long tp = matrix.count(k, k);
            long predictedK = matrix.predictedTotal(k);
            long actualK = matrix.actualTotal(k);
            precision[k] = predictedK == 0 ? 0 : (double) tp / predictedK;
            recall[k] = actualK == 0 ? 0 : (double) tp / actualK;
            double sum = precision[k] + recall[k];
            f1[k] = sum == 0 ? 0 : 2 * precision[k] * recall[k] / sum;
            chanceAgreement += (double) actualK * predictedK;
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
        metrics.put(MetricId.ROC_AUC, binary ? binaryAuc() : oneVsRestAuc());
        metrics.put(MetricId.LOG_LOSS, (logLossSum + logLossCompensation) / n);
        metrics.put(MetricId.COHEN_KAPPA,
                1 - chanceAgreement == 0 ? Double.NaN : (accuracy - chanceAgreement) / (1 - chanceAgreement));
        return new ClassificationEvaluation(matrix, metrics);
    }

    private double binaryAuc() {
        GrowableDoubleArray negatives = scores[0][0];
        GrowableDoubleArray positives = scores[1][0];
        if (positives.size() == 0 || negatives.size() == 0) {
            return Double.NaN;
        }
        positives.sort();
        negatives.sort();
        return RocAuc.wins(positives.backingArray(), positives.size(), negatives.backingArray(), negatives.size())
                / ((double) positives.size() * negatives.size());
    }

    private double oneVsRestAuc() {
        for (GrowableDoubleArray[] row : scores) {
            for (GrowableDoubleArray column : row) {
                column.sort();
            }
        }
        double sum = 0;
        int included = 0;
        for (int k = 0; k < numClasses; k++) {
            GrowableDoubleArray positives = scores[k][k];
            long numNegatives = count - positives.size();
            if (positives.size() == 0 || numNegatives == 0) {
                continue;
            }
            // The negatives of class k are the examples of every other class; pair counts add
            // over them, so each group is merged separately and no combined array is built.
            double wins = 0;
            for (int other = 0; other < numClasses; other++) {
                if (other != k) {
                    GrowableDoubleArray negatives = scores[other][k];
                    wins += RocAuc.wins(positives.backingArray(), positives.size(),
                            negatives.backingArray(), negatives.size());
                }
            }
            sum += wins / ((double) positives.size() * numNegatives);
            included++;
        }
        return included == 0 ? Double.NaN : sum / included;
    }

    private void addLogLossTerm(double term) {
        double t = logLossSum + term;
        if (Math.abs(logLossSum) >= Math.abs(term)) {
            logLossCompensation += (logLossSum - t) + term;
        } else {
            logLossCompensation += (term - t) + logLossSum;
        }
        logLossSum = t;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
