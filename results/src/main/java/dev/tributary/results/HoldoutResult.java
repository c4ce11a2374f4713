package dev.tributary.results;

import dev.tributary.common.provenance.OffsetRange;

import java.util.List;
import java.util.Map;

/**
 * One model scored on the test topic.
 *
 * @param topic           the test topic
 * @param offsets         the offset ranges scored, per partition
 * @param examples        examples scored
 * @param rejected        test records that could not be decoded (counted, not scored)
 * @param metrics         metric key (see {@code MetricId#key()}) → value; NaN where undefined
 * @param confusionMatrix rows = actual class, columns = predicted class
 * @param scoringTimeMs   wall time spent in the model's predictions, in milliseconds
 */
public record HoldoutResult(String topic, List<OffsetRange> offsets, long examples, long rejected,
                            Map<String, Double> metrics, long[][] confusionMatrix, long scoringTimeMs) {

    /**
     * Copies the collections.
     */
    public HoldoutResult {
        offsets = List.copyOf(offsets);
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /**
     * @param key a metric key
     * @return its value
     * @throws IllegalArgumentException if this result has no such metric
     */
    public double metric(String key) {
        Double value = metrics.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no metric '" + key + "'; have " + metrics.keySet());
        }
        return value;
    }
}
