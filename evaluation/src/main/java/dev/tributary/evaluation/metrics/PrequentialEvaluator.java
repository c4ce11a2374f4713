package dev.tributary.evaluation.metrics;

import java.util.Locale;

/**
 * Prequential (test-then-train) evaluation of one strategy on a stream, in memory that does
 * not grow with the stream's length. Each example is first predicted by the model as it stands,
 * the prediction is {@link #add added} here, and only then does the model train on the example
 * (Dawid's prequential principle as applied to stream learning by Gama, Sebastião &amp;
 * Rodrigues, "On evaluating stream learning algorithms", Machine Learning 90(3), 2013). Every
 * example is thus a test example before it is a training one, no holdout set is set aside, and
 * the scores trace the learning curve as the stream goes by.
 *
 * <p>Three views of the same examples are kept, all in stream order:
 * <ul>
 *   <li>{@link #cumulative()}: every {@link MetricId} over everything added, defined as on
 *       {@link ClassificationEvaluator} and computed by the same formulas from the same kind of
 *       counts: the confusion matrix, a compensated log-loss sum and the no-change classifier's
 *       hits (kappa-M needs only the matrix). Given the same examples in the same order, every
 *       metric but ROC AUC equals the holdout evaluator's bit for bit. <b>ROC AUC is binned</b>:
 *       it is the Mann–Whitney statistic over per-class histograms of
 *       {@value #DEFAULT_AUC_BINS} equal bins of [0, 1], two scores in one bin counting as
 *       tied (1/2). Pairs in different bins are ordered exactly, so the error against the exact
 *       AUC is at most half the fraction of positive–negative pairs whose scores share a bin
 *       (for scores spread over [0, 1], about 1/{@value #DEFAULT_AUC_BINS} of the pairs). The
 *       holdout AUC of {@link ClassificationEvaluator} is exact; when the two are compared, the
 *       difference of up to that bound is this binning, not the model.</li>
 *   <li>{@link #window()}: every {@link MetricId} over the last {@code windowSize} examples,
 *       as MOA's {@code WindowClassificationPerformanceEvaluator} computes its measures over a
 *       sliding window. The examples in the window are kept (labels and probabilities in a
 *       ring buffer), so its AUC is exact. Kappa-temporal judges each example in the window
 *       against the actual class of the example just before it, <em>including the oldest one in
 *       the window, whose predecessor has already left it</em>; MOA does the same, because it
 *       records each example's no-change hit when the example arrives. Only the first example
 *       of the stream has no predecessor and is judged against class 0, as in MOA and
 *       {@link ClassificationEvaluator}. Kappa-M is that of the window's own majority class.
 *       Before {@code windowSize} examples have arrived the window is the whole stream and
 *       equals {@link #cumulative()} except for the AUC binning.</li>
 *   <li>{@link #fading()}: accuracy and Cohen's kappa with weights {@code α^age}, as MOA's
 *       {@code FadingFactorClassificationPerformanceEvaluator} computes them; see
 *       {@link FadingMetrics}. Gama et al. show that fading factors, like windows, make the
 *       prequential error forget the early mistakes of a model still learning and converge to
 *       the holdout error, at O(1) cost.</li>
 * </ul>
 *
 * <p><b>Memory</b> is fixed at construction: the confusion matrix ({@code numClasses²} longs),
 * the AUC histograms ({@code 2 × 10,000} longs per scored class: 160 KB when binary,
 * {@code numClasses} times that otherwise), the window ({@code windowSize} ints and
 * {@code windowSize × numClasses} doubles) and {@code 2 × numClasses} fading sums. Nothing is
 * stored per example beyond the window, so a stream of any length can be evaluated.
 * {@link #window()} takes O(w log w) time and O(w × numClasses) temporary memory for a window
 * of w examples; call it at reporting intervals rather than after every example.
 *
 * <p>Input is validated as by {@link ClassificationEvaluator#add}, before any state changes.
 * Not thread-safe.
 */
public final class PrequentialEvaluator {

    /** The number of equal bins of [0, 1] per class in the histograms of the cumulative AUC. */
    public static final int DEFAULT_AUC_BINS = 10_000;

    /** The fading factor α that callers use unless a scenario says otherwise (MOA's default). */
    public static final double DEFAULT_FADING_FACTOR = 0.999;

    private final int numClasses;
    private final int windowSize;
    private final double fadingFactor;

    // Cumulative view: counts only.
    private final long[][] counts;
    private final NeumaierSum logLossSum = new NeumaierSum();
    private final BinnedRocAuc binnedAuc;
    private long count;
    private long noChangeCorrect;
    private int lastLabel = ClassificationEvaluator.NO_CHANGE_INITIAL_LABEL;

    // Window view: a ring buffer; slot s holds labels[s] and probabilities[s*numClasses ..].
    private final int[] windowLabels;
    private final double[] windowProbabilities;
    /** The slot the next example is written to; once the ring is full, also the oldest. */
    private int windowNext;
    private int windowFilled;
    /** The actual class of the example just before the oldest one in the window. */
    private int labelBeforeWindow = ClassificationEvaluator.NO_CHANGE_INITIAL_LABEL;

    // Fading view: sums of α^age over all examples, over the correct ones, and by class.
    private double fadingWeight;
    private double fadingCorrect;
    private final double[] fadingActual;
    private final double[] fadingPredicted;

    /**
     * @param numClasses the number of classes, at least 2; labels are {@code 0 .. numClasses-1}
     * @param windowSize the number of most recent examples {@link #window()} covers, at least 1
     * @param fadingFactor α of {@link #fading()}, in (0, 1]; 1 means no fading
     *     ({@link #DEFAULT_FADING_FACTOR} is the usual choice)
     * @throws IllegalArgumentException if {@code numClasses < 2}, {@code windowSize < 1},
     *     {@code windowSize × numClasses} exceeds the largest Java array, or
     *     {@code fadingFactor} is not in (0, 1]
     */
    public PrequentialEvaluator(int numClasses, int windowSize, double fadingFactor) {
        this(numClasses, windowSize, fadingFactor, DEFAULT_AUC_BINS);
    }

    /**
     * Visible for testing: a coarse histogram makes the binning visible in small examples.
     *
     * @param numClasses the number of classes, at least 2
     * @param windowSize the window length, at least 1
     * @param fadingFactor α, in (0, 1]
     * @param aucBins the number of equal bins of [0, 1] per class for the cumulative AUC
     * @throws IllegalArgumentException if any argument is out of range
     */
    PrequentialEvaluator(int numClasses, int windowSize, double fadingFactor, int aucBins) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1, got " + windowSize);
        }
        if ((long) windowSize * numClasses > GrowableDoubleArray.MAX_CAPACITY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "windowSize × numClasses must be at most %d doubles, got %d × %d",
                    GrowableDoubleArray.MAX_CAPACITY, windowSize, numClasses));
        }
        // Written as a negated range test so that NaN is rejected too.
        if (!(fadingFactor > 0 && fadingFactor <= 1)) {
            throw new IllegalArgumentException("fadingFactor must be in (0, 1], got " + fadingFactor);
        }
        this.numClasses = numClasses;
        this.windowSize = windowSize;
        this.fadingFactor = fadingFactor;
        this.counts = new long[numClasses][numClasses];
        this.binnedAuc = new BinnedRocAuc(numClasses, aucBins);
        this.windowLabels = new int[windowSize];
        this.windowProbabilities = new double[windowSize * numClasses];
        this.fadingActual = new double[numClasses];
        this.fadingPredicted = new double[numClasses];
    }

    /** @return the number of classes */
    public int numClasses() {
        return numClasses;
    }

    /** @return the number of most recent examples that {@link #window()} covers */
    public int windowSize() {
        return windowSize;
    }

    /** @return α, the weight ratio of an example to the one after it in {@link #fading()} */
    public double fadingFactor() {
        return fadingFactor;
    }

    /**
     * Tells the evaluator the actual class of the event just before the first one it will be
     * given, when the evaluated part of the stream has one (the history, in prequential runs):
     * kappa-temporal then judges the first event against it, as it judges every later one,
     * rather than against class 0; the no-change classifier's own kappa-temporal is then exactly 0.
     *
     * @param label the preceding event's class
     * @throws IllegalStateException if an example has already been added
     * @throws IllegalArgumentException if the label is out of range
     */
    public void precededBy(int label) {
        if (count > 0) {
            throw new IllegalStateException("precededBy must come before the first example");
        }
        if (label < 0 || label >= numClasses) {
            throw new IllegalArgumentException("label must be in [0, " + numClasses + "), got " + label);
        }
        lastLabel = label;
        labelBeforeWindow = label;
    }

    /**
     * Records the prediction for the next example of the stream, made before the model trained
     * on it. Validation happens before any state changes, so a rejected example leaves the
     * evaluator as it was.
     *
     * @param actualLabel the true class, {@code 0 <= actualLabel < numClasses()}
     * @param classProbabilities the predicted probability of each class, indexed by class, of
     *     length {@code numClasses()}; every entry finite (copied into the window, not kept)
     * @return the predicted class (the argmax, ties to the lowest class)
     * @throws IllegalArgumentException if the label is out of range, the array is null or of
     *     the wrong length, or an entry is NaN or infinite
     */
    public int add(int actualLabel, double[] classProbabilities) {
        int predicted = MetricFormulas.checkedPrediction(numClasses, actualLabel, classProbabilities);

        // Cumulative.
        counts[actualLabel][predicted]++;
        count++;
        logLossSum.add(MetricFormulas.logLossTerm(actualLabel, classProbabilities));
        if (actualLabel == lastLabel) {
            noChangeCorrect++;
        }
        lastLabel = actualLabel;
        binnedAuc.add(actualLabel, classProbabilities);

        // Window: once full, the slot written next holds the oldest example, which leaves.
        if (windowFilled == windowSize) {
            labelBeforeWindow = windowLabels[windowNext];
        } else {
            windowFilled++;
        }
        windowLabels[windowNext] = actualLabel;
        System.arraycopy(classProbabilities, 0, windowProbabilities, windowNext * numClasses, numClasses);
        windowNext = windowNext + 1 == windowSize ? 0 : windowNext + 1;

        // Fading: age every older example by one step, then add this one at weight 1.
        fadingWeight = fadingFactor * fadingWeight + 1;
        fadingCorrect = fadingFactor * fadingCorrect + (predicted == actualLabel ? 1 : 0);
        for (int k = 0; k < numClasses; k++) {
            fadingActual[k] = fadingFactor * fadingActual[k] + (actualLabel == k ? 1 : 0);
            fadingPredicted[k] = fadingFactor * fadingPredicted[k] + (predicted == k ? 1 : 0);
        }
        return predicted;
    }

    /** @return the number of examples added so far */
    public long count() {
        return count;
    }

    /**
     * Every metric over all examples added, from counts and histograms (see the class
     * documentation: the ROC AUC is binned, all else as on {@link ClassificationEvaluator}).
     *
     * @return an immutable evaluation; every metric NaN when nothing has been added
     */
    public ClassificationEvaluation cumulative() {
        double auc = count == 0 ? Double.NaN : binnedAuc.auc();
        return MetricFormulas.evaluation(new ConfusionMatrix(counts), logLossSum.value(), noChangeCorrect, auc);
    }

    /**
     * Every metric over the last {@code min(count(), windowSize())} examples, with an exact
     * ROC AUC; kappa-temporal judges the oldest of them against the class of its predecessor
     * (see the class documentation).
     *
     * @return an immutable evaluation whose {@code count()} is the number of examples in the
     *     window; every metric NaN when nothing has been added
     */
    public ClassificationEvaluation window() {
        ClassificationEvaluator evaluator = new ClassificationEvaluator(numClasses, labelBeforeWindow);
        int oldest = windowFilled < windowSize ? 0 : windowNext;
        double[] probabilities = new double[numClasses];
        for (int i = 0; i < windowFilled; i++) {
            int slot = (oldest + i) % windowSize;
            System.arraycopy(windowProbabilities, slot * numClasses, probabilities, 0, numClasses);
            evaluator.add(windowLabels[slot], probabilities);
        }
        return evaluator.evaluate();
    }

    /**
     * Accuracy and Cohen's kappa with each example weighted by {@code α^age}.
     *
     * @return the fading metrics; accuracy and kappa NaN when nothing has been added, kappa NaN
     *     when the weighted chance agreement is 1
     */
    public FadingMetrics fading() {
        if (count == 0) {
            return new FadingMetrics(fadingFactor, 0, 0, Double.NaN, Double.NaN);
        }
        double accuracy = fadingCorrect / fadingWeight;
        double chanceAgreement = 0;
        for (int k = 0; k < numClasses; k++) {
            chanceAgreement += (fadingActual[k] / fadingWeight) * (fadingPredicted[k] / fadingWeight);
        }
        double kappa = 1 - chanceAgreement == 0 ? Double.NaN : (accuracy - chanceAgreement) / (1 - chanceAgreement);
        return new FadingMetrics(fadingFactor, count, fadingWeight, accuracy, kappa);
    }
}
