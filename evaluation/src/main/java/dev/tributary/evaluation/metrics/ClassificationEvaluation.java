package dev.tributary.evaluation.metrics;

import dev.tributary.common.metrics.MetricId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable result of a {@link ClassificationEvaluator}: a value for every {@link MetricId}
 * (NaN where a metric is undefined, never absent) and the confusion matrix it came from. The
 * definitions of the metrics are on {@link ClassificationEvaluator}.
 *
 * <p>Two evaluations are equal when their confusion matrices and metric values are; NaN equals
 * NaN here, as in {@link Double#equals(Object)}.
 */
public final class ClassificationEvaluation {

    private final ConfusionMatrix confusionMatrix;
    private final Map<MetricId, Double> metrics;

    /**
     * Builds an evaluation from already computed values, e.g. when reading one back from a
     * results file. The caller vouches that the values were computed from the matrix.
     *
     * @param confusionMatrix the confusion matrix of the evaluated examples
     * @param metrics a value for every {@link MetricId}; copied
     * @throws IllegalArgumentException if a metric is missing or its value is null
     */
    public ClassificationEvaluation(ConfusionMatrix confusionMatrix, Map<MetricId, Double> metrics) {
        this.confusionMatrix = Objects.requireNonNull(confusionMatrix, "confusionMatrix");
        Objects.requireNonNull(metrics, "metrics");
        EnumMap<MetricId, Double> copy = new EnumMap<>(MetricId.class);
        for (MetricId id : MetricId.values()) {
            Double value = metrics.get(id);
            if (value == null) {
                throw new IllegalArgumentException("metrics has no value for " + id.key()
                        + "; every MetricId must be present (NaN where undefined)");
            }
            copy.put(id, value);
        }
        this.metrics = Collections.unmodifiableMap(copy);
    }

    /** @return the number of examples evaluated, equal to {@code confusionMatrix().total()} */
    public long count() {
        return confusionMatrix.total();
    }

    /**
     * @param id the metric
     * @return its value; NaN where it is undefined (e.g. no examples), never null
     * @throws NullPointerException if {@code id} is null
     */
    public double get(MetricId id) {
        return metrics.get(Objects.requireNonNull(id, "id"));
    }

    /** @return every metric and its value, unmodifiable, in {@link MetricId} declaration order */
    public Map<MetricId, Double> metrics() {
        return metrics;
    }

    /** @return every metric by its results.json key ({@link MetricId#key()}), in declaration order; a modifiable copy */
    public Map<String, Double> byKey() {
        Map<String, Double> byKey = new java.util.LinkedHashMap<>();
        metrics.forEach((id, value) -> byKey.put(id.key(), value));
        return byKey;
    }

    /** @return the confusion matrix, rows = actual class, columns = predicted class */
    public ConfusionMatrix confusionMatrix() {
        return confusionMatrix;
    }

    /**
     * @param o another object
     * @return whether {@code o} is an evaluation with the same matrix and metric values
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ClassificationEvaluation other
                && confusionMatrix.equals(other.confusionMatrix) && metrics.equals(other.metrics));
    }

    /** @return a hash consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        return 31 * confusionMatrix.hashCode() + metrics.hashCode();
    }

    /** @return the count and every metric by key, six decimals, formatted with {@link Locale#ROOT} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ClassificationEvaluation{count=").append(count());
        for (Map.Entry<MetricId, Double> e : metrics.entrySet()) {
            sb.append(String.format(Locale.ROOT, ", %s=%.6f", e.getKey().key(), e.getValue()));
        }
        return sb.append('}').toString();
    }
}
