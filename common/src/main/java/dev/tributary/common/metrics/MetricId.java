package dev.tributary.common.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Typed identifier of a classification quality metric. Results are keyed by these constants,
 * never by display strings; {@link #key()} is the stable name used in JSON.
 *
 * <p>The definitions, including what each metric is when a ratio is {@code 0/0}, are on
 * {@link ClassificationEvaluator}.
 */
public enum MetricId {
    /** Fraction of examples whose predicted class equals the actual class. */
    ACCURACY("accuracy", "Fraction of examples whose predicted class (argmax) equals the actual class."),
    /** Positive-class (label 1) precision when binary; equal to {@link #MACRO_PRECISION} otherwise. */
    PRECISION("precision", "Precision of the positive class (label 1) when binary; macro precision otherwise."),
    /** Positive-class (label 1) recall when binary; equal to {@link #MACRO_RECALL} otherwise. */
    RECALL("recall", "Recall of the positive class (label 1) when binary; macro recall otherwise."),
    /** Positive-class (label 1) F1 when binary; equal to {@link #MACRO_F1} otherwise. */
    F1("f1", "F1 of the positive class (label 1) when binary; macro F1 otherwise."),
    /** Unweighted mean over all classes of per-class precision. */
    MACRO_PRECISION("macro_precision", "Unweighted mean over all classes of per-class precision."),
    /** Unweighted mean over all classes of per-class recall. */
    MACRO_RECALL("macro_recall", "Unweighted mean over all classes of per-class recall."),
    /** Unweighted mean over all classes of per-class F1 (not the F1 of macro precision and recall). */
    MACRO_F1("macro_f1", "Unweighted mean over all classes of per-class F1, not the F1 of macro precision and recall."),
    /** F1 of counts pooled over classes; equal to accuracy for single-label data. */
    MICRO_F1("micro_f1", "F1 of true/false positives pooled over classes; equals accuracy for single-label data."),
    /** Area under the ROC curve; one-vs-rest mean over classes when multi-class. */
    ROC_AUC("roc_auc", "Area under the ROC curve of P(class 1) when binary; mean one-vs-rest AUC over classes otherwise."),
    /** Mean negative log-probability of the actual class, in nats, clipped at 1e-15. */
    LOG_LOSS("log_loss", "Mean of -ln(probability of the actual class), in nats, probabilities clipped below at 1e-15.",
            Direction.LOWER_IS_BETTER),
    /** Cohen's kappa: agreement of actual and predicted classes corrected for chance. */
    COHEN_KAPPA("cohen_kappa", "Cohen's kappa: agreement of actual and predicted classes corrected for chance agreement."),
    /**
     * Kappa-temporal (Žliobaitė et al. 2015): accuracy relative to the no-change classifier,
     * which predicts the previous example's class; depends on the order of the examples.
     */
    KAPPA_TEMPORAL("kappa_temporal", "Kappa-temporal: (accuracy - pe') / (1 - pe'), pe' the accuracy of predicting"
            + " each example's class as the previous example's actual class (class 0 for the first)."),
    /**
     * Kappa-M (Bifet et al. 2015): accuracy relative to the majority-class classifier, which
     * always predicts the most frequent actual class.
     */
    KAPPA_M("kappa_m", "Kappa-M: (accuracy - pM) / (1 - pM), pM the accuracy of always predicting the most"
            + " frequent actual class (its share of the examples).");

    private static final Map<String, MetricId> BY_KEY;

    static {
        Map<String, MetricId> byKey = new HashMap<>();
        for (MetricId id : values()) {
            byKey.put(id.key, id);
        }
        BY_KEY = Collections.unmodifiableMap(byKey);
    }

    /**
     * Which way a metric improves. Declared here, once per metric, so that every consumer (the
     * quality gate, a "best strategy" pick) reads it instead of knowing that log loss is special.
     */
    public enum Direction {
        /** Larger values are better (accuracy, AUC, kappa...): a bound is a floor. */
        HIGHER_IS_BETTER,
        /** Smaller values are better (log loss): a bound is a ceiling. */
        LOWER_IS_BETTER;

        /**
         * How much worse {@code value} is than {@code reference} in this direction: positive when
         * it is worse, negative when it is better, e.g. {@code 0.97 → 0.94} is {@code 0.03} worse
         * for accuracy and {@code 0.10 → 0.16} is {@code 0.06} worse for log loss.
         *
         * @param reference the value compared against (a baseline)
         * @param value     the value measured
         * @return the worsening, in the metric's own unit
         */
        public double worsening(double reference, double value) {
            return this == HIGHER_IS_BETTER ? reference - value : value - reference;
        }

        /** @return {@code "higher is better"} or {@code "lower is better"} */
        @Override
        public String toString() {
            return this == HIGHER_IS_BETTER ? "higher is better" : "lower is better";
        }
    }

    private final String key;
    private final String description;
    private final Direction direction;

    MetricId(String key, String description) {
        this(key, description, Direction.HIGHER_IS_BETTER);
    }

    MetricId(String key, String description, Direction direction) {
        this.key = key;
        this.description = description;
        this.direction = direction;
    }

    /**
     * @return the lower-case snake-case name used in JSON and reports, e.g. {@code "roc_auc"};
     *     stable across releases
     */
    public String key() {
        return key;
    }

    /**
     * @return the key of this metric measured on what a deployment served (the deployed mode), in
     *         results.json's summary: {@code served_<key>}
     */
    public String servedKey() {
        return "served_" + key;
    }

    /** @return a one-line human-readable description, with the unit where there is one */
    public String description() {
        return description;
    }

    /** @return which way this metric improves: higher for every metric but {@link #LOG_LOSS} */
    public Direction direction() {
        return direction;
    }

    /**
     * Looks a metric up by its {@link #key()}. Matching is exact (keys are lower case), so that
     * a file written by hand with a different spelling is rejected rather than guessed at.
     *
     * @param key the JSON key, e.g. {@code "macro_f1"}
     * @return the metric with that key
     * @throws IllegalArgumentException if no metric has that key; the message names the key
     *     received and lists the valid ones
     */
    public static MetricId fromKey(String key) {
        MetricId id = key == null ? null : BY_KEY.get(key);
        if (id == null) {
            throw new IllegalArgumentException("Unknown metric key '" + key + "'; valid keys are: "
                    + Arrays.stream(values()).map(MetricId::key).collect(Collectors.joining(", ")));
        }
        return id;
    }
}
