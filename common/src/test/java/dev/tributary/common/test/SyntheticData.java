package dev.tributary.common.test;

import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Deterministic labelled data for tests: two Gaussian blobs in four dimensions, far enough
 * apart (means -1 and +1 per feature, unit variance, then shifted and scaled unlike a standardised
 * input; the Bayes-optimal accuracy is Phi(2) = 0.977)
 * that a working learner exceeds 0.9 accuracy and a broken one stays near 0.5.
 */
public final class SyntheticData {

    /** The schema of {@link #blobs}. */
    public static final Schema SCHEMA = new Schema(List.of("x0", "x1", "x2", "x3"), List.of("neg", "pos"));

    private SyntheticData() {
    }

    /**
     * @param n    how many examples
     * @param seed the seed
     * @return balanced examples in random class order
     */
    public static List<Example> blobs(int n, long seed) {
        Random random = new Random(seed);
        List<Example> examples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int label = random.nextBoolean() ? 1 : 0;
            double centre = label == 1 ? 1 : -1;
            double[] x = new double[4];
            for (int j = 0; j < x.length; j++) {
                x[j] = 50 + 10 * (centre + random.nextGaussian());
            }
            examples.add(new Example(x, label));
        }
        return examples;
    }
}
