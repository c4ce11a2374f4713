package dev.tributary.common.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Examples gathered into the parallel arrays a network consumes. Used for one poll by the
 * streaming learner, one scoring chunk by the evaluator, and the whole train topic by the
 * batch baseline.
 */
public final class ExampleBatch {

    private final List<double[]> features = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();

    /** @param example the example to append */
    public void add(Example example) {
        features.add(example.features());
        labels.add(example.label());
    }

    /** @return the number of examples */
    public int size() {
        return labels.size();
    }

    /** @return whether there are none */
    public boolean isEmpty() {
        return labels.isEmpty();
    }

    /** @return the feature rows (shared, not copied) */
    public double[][] features() {
        return features.toArray(new double[0][]);
    }

    /** @return the labels */
    public int[] labels() {
        return labels.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Empties the batch for reuse. */
    public void clear() {
        features.clear();
        labels.clear();
    }
}
