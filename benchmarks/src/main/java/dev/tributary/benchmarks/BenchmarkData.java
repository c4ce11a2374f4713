package dev.tributary.benchmarks;

import java.util.Random;

/**
 * Seeded inputs for the benchmarks, generated once in a {@code @Setup} method so that no
 * benchmark measures random-number generation. The shapes follow the project's default data set,
 * Wisconsin breast cancer: {@value #NUM_FEATURES} features, {@value #NUM_CLASSES} classes.
 *
 * <p>The rows are two Gaussian blobs, the idea of {@code SyntheticData} in common's test-jar
 * (which main code must not depend on): label 0 around -1 and label 1 around +1 in every
 * feature, unit variance. That is already the scale of standardised input, which is what
 * {@code NeuralNetwork} expects; the cost of a dense layer does not depend on the values anyway.
 */
public final class BenchmarkData {

    /** The features per row: those of the breast-cancer data. */
    public static final int NUM_FEATURES = 9;

    /** The classes: benign and malignant. */
    public static final int NUM_CLASSES = 2;

    /** The seed every benchmark uses, for its data and its network's initial weights. */
    public static final long SEED = 42L;

    private BenchmarkData() {
    }

    /**
     * @param rows how many rows, at least 0
     * @param seed the seed
     * @return the class index of each row, 0 or 1 with equal probability
     */
    public static int[] labels(int rows, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextBoolean() ? 1 : 0;
        }
        return labels;
    }

    /**
     * @param labels      the class of each row, from {@link #labels}
     * @param numFeatures how many features per row
     * @param seed        the seed (use another than the labels')
     * @return one row per label: {@code ±1 + N(0, 1)} in every feature, the sign that of the class
     */
    public static double[][] standardizedRows(int[] labels, int numFeatures, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[labels.length][numFeatures];
        for (int i = 0; i < labels.length; i++) {
            double centre = labels[i] == 1 ? 1 : -1;
            for (int j = 0; j < numFeatures; j++) {
                rows[i][j] = centre + random.nextGaussian();
            }
        }
        return rows;
    }

    /**
     * @param rows how many rows
     * @return {@link #NUM_FEATURES}-wide standardised rows of random classes
     */
    public static double[][] standardizedRows(int rows) {
        return standardizedRows(labels(rows, SEED), NUM_FEATURES, SEED + 1);
    }

    /**
     * Rows as raw values arrive on the wire, before standardisation: the blobs shifted and scaled
     * to mean 50 and spread 10, so that a value has a fraction and its text is long.
     *
     * @param rows how many rows
     * @return {@link #NUM_FEATURES}-wide raw rows
     */
    public static double[][] rawRows(int rows) {
        double[][] standardized = standardizedRows(rows);
        for (double[] row : standardized) {
            for (int j = 0; j < row.length; j++) {
                row[j] = 50 + 10 * row[j];
            }
        }
        return standardized;
    }
}
