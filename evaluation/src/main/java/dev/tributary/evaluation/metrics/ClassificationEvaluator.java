package dev.tributary.evaluation.metrics;

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
 *   <li><b>kappa-temporal</b> (Žliobaitė, Bifet, Read, Pfahringer &amp; Holmes, "Evaluation
 *       methods and decision theory for classification of streaming data with temporal
 *       dependence", Machine Learning 98(3), 2015) = (p0 - pe') / (1 - pe'), where pe' is the
 *       accuracy of the <em>no-change</em> classifier, which predicts each example's class to be
 *       the actual class of the example added just before it. It depends on the order of
 *       {@link #add} calls: a model that does no better than repeating the last label scores 0
 *       or below, however high its accuracy on a stream whose labels come in runs. The first
 *       example has no predecessor; as in MOA's {@code BasicClassificationPerformanceEvaluator},
 *       whose last-seen class starts at 0, the no-change classifier predicts class 0 for it.
 *       NaN when pe' = 1, i.e. every example's class equals its predecessor's (the first's
 *       being 0): a stream of class 0 only.</li>
 *   <li><b>kappa-M</b> (Bifet, de Francisci Morales, Read, Holmes &amp; Pfahringer,
 *       "Efficient online evaluation of big data stream classifiers", KDD 2015)
 *       = (p0 - pM) / (1 - pM), where pM = max_k actual_k / n is the accuracy of the
 *       majority-class classifier, which always predicts the most frequent actual class of the
 *       evaluated examples. It shows whether a model beats that trivial baseline on imbalanced
 *       data, where accuracy alone flatters. NaN when pM = 1 (every example of one class).
 *       MOA instead scores a running majority classifier, updated with each example's class
 *       just before predicting it; the two agree once the majority class settles, but only this
 *       static form is independent of order and follows from the confusion matrix alone.</li>
 * </ul>
 * Both baseline kappas are computed as (correct - baselineCorrect) / (n - baselineCorrect),
 * which equals the ratio of fractions above. They range over (-∞, 1]: below 0 the model is
 * worse than its baseline. With no examples every metric is NaN and the confusion matrix is
 * all zeros.
 *
 * <p><b>Memory.</b> Everything except ROC AUC is computed from the confusion matrix
 * ({@code numClasses²} longs), a running log-loss sum, the no-change classifier's hit count and
 * the last label. AUC is a ranking statistic and needs
 * every score, so the evaluator keeps them in primitive arrays grown by doubling: one double
 * per example when binary (P(class 1)), and {@code numClasses} doubles per example otherwise
 * (P(class k) for every k), plus up to as much again of spare capacity. Scores are grouped by
 * actual class, so no label array is needed. No more than about 2³¹ examples of one class can
 * be held. {@link PrequentialEvaluator} computes the same metrics in constant memory, with a
 * binned AUC, for unbounded streams.
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

    /**
     * The class the no-change classifier predicts for the first example, which has no
     * predecessor: 0, as in MOA, whose last-seen class starts at 0.
     */
    static final int NO_CHANGE_INITIAL_LABEL = 0;

    private final int numClasses;
    private final long[][] counts;
    /**
     * scores[actual][j]: the score P(class scoredClass(j)) of every example of class
     * {@code actual}. Binary: j = 0 only, for class 1. Multi-class: j = k for every class k.
     */
    private final GrowableDoubleArray[][] scores;
    private final NeumaierSum logLossSum = new NeumaierSum();
    private long count;
    private long noChangeCorrect;
    /** The actual class of the last example added: the no-change classifier's next prediction. */
    private int lastLabel;

    /**
     * @param numClasses the number of classes, at least 2; labels are {@code 0 .. numClasses-1}
     * @throws IllegalArgumentException if {@code numClasses < 2}
     */
    public ClassificationEvaluator(int numClasses) {
        this(numClasses, NO_CHANGE_INITIAL_LABEL);
    }

    /**
     * For an evaluation over a slice of a longer stream, such as a sliding window, whose first
     * example does have a predecessor: kappa-temporal then judges that example against the
     * predecessor's class instead of against class 0.
     *
     * @param numClasses the number of classes, at least 2
     * @param labelBeforeFirst the actual class of the example before the first one to be added
     * @throws IllegalArgumentException if {@code numClasses < 2} or the label is out of range
     */
    ClassificationEvaluator(int numClasses, int labelBeforeFirst) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        if (labelBeforeFirst < 0 || labelBeforeFirst >= numClasses) {
            throw new IllegalArgumentException("labelBeforeFirst must be in [0, " + numClasses + "), got "
                    + labelBeforeFirst);
        }
        this.numClasses = numClasses;
        this.counts = new long[numClasses][numClasses];
        this.lastLabel = labelBeforeFirst;
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
     * Records one example, after the examples already added: the order matters to
     * kappa-temporal only. Validation happens before any state changes, so a rejected example
     * leaves the evaluator as it was.
     *
     * @param actualLabel the true class, {@code 0 <= actualLabel < numClasses()}
     * @param classProbabilities the predicted probability of each class, indexed by class, of
     *     length {@code numClasses()}; every entry finite (not copied or kept)
     * @throws IllegalArgumentException if the label is out of range, the array is null or of
     *     the wrong length, or an entry is NaN or infinite
     */
    public void add(int actualLabel, double[] classProbabilities) {
        int predicted = MetricFormulas.checkedPrediction(numClasses, actualLabel, classProbabilities);

        counts[actualLabel][predicted]++;
        count++;
        logLossSum.add(MetricFormulas.logLossTerm(actualLabel, classProbabilities));
        if (actualLabel == lastLabel) {
            noChangeCorrect++;
        }
        lastLabel = actualLabel;
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
        double auc = count == 0 ? Double.NaN : numClasses == 2 ? binaryAuc() : oneVsRestAuc();
        return MetricFormulas.evaluation(new ConfusionMatrix(counts), logLossSum.value(), noChangeCorrect, auc);
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
}
