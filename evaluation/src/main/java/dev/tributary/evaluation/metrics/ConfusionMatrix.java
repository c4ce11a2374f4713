package dev.tributary.evaluation.metrics;

import java.util.Arrays;
import java.util.Locale;

/**
 * Immutable confusion matrix: {@code count(actual, predicted)} is the number of examples of
 * actual class {@code actual} that were predicted as class {@code predicted}. Rows are actual
 * classes and columns predicted classes, as in scikit-learn's {@code confusion_matrix}.
 *
 * <p>Two matrices are equal when they have the same counts.
 */
public final class ConfusionMatrix {

    private final long[][] counts;
    private final long total;

    /**
     * @param counts a square, non-empty matrix of non-negative counts, rows = actual class,
     *     columns = predicted class; copied, so later changes to it do not show here
     * @throws IllegalArgumentException if it is empty, not square or holds a negative count
     */
    public ConfusionMatrix(long[][] counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("counts must be a non-empty square matrix, got "
                    + (counts == null ? "null" : "0 rows"));
        }
        int n = counts.length;
        long[][] copy = new long[n][];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] == null || counts[i].length != n) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "counts must be square: row %d has %s columns, expected %d",
                        i, counts[i] == null ? "null" : Integer.toString(counts[i].length), n));
            }
            copy[i] = counts[i].clone();
            for (int j = 0; j < n; j++) {
                if (copy[i][j] < 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "counts must be non-negative: counts[%d][%d] = %d", i, j, copy[i][j]));
                }
                sum += copy[i][j];
            }
        }
        this.counts = copy;
        this.total = sum;
    }

    /**
     * @param numClasses the number of classes, at least 1
     * @return a matrix of that size with every count zero
     * @throws IllegalArgumentException if {@code numClasses < 1}
     */
    public static ConfusionMatrix empty(int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("numClasses must be at least 1, got " + numClasses);
        }
        return new ConfusionMatrix(new long[numClasses][numClasses]);
    }

    /** @return the number of classes, i.e. the number of rows and of columns */
    public int numClasses() {
        return counts.length;
    }

    /**
     * @param actual the actual class, {@code 0 <= actual < numClasses()}
     * @param predicted the predicted class, {@code 0 <= predicted < numClasses()}
     * @return how many examples of class {@code actual} were predicted as {@code predicted}
     * @throws IllegalArgumentException if either class is out of range
     */
    public long count(int actual, int predicted) {
        checkClass("actual", actual);
        checkClass("predicted", predicted);
        return counts[actual][predicted];
    }

    /**
     * @param actual a class, {@code 0 <= actual < numClasses()}
     * @return the number of examples whose actual class it is (the row total)
     * @throws IllegalArgumentException if the class is out of range
     */
    public long actualTotal(int actual) {
        checkClass("actual", actual);
        long sum = 0;
        for (long c : counts[actual]) {
            sum += c;
        }
        return sum;
    }

    /**
     * @param predicted a class, {@code 0 <= predicted < numClasses()}
     * @return the number of examples predicted as that class (the column total)
     * @throws IllegalArgumentException if the class is out of range
     */
    public long predictedTotal(int predicted) {
        checkClass("predicted", predicted);
        long sum = 0;
        for (long[] row : counts) {
            sum += row[predicted];
        }
        return sum;
    }

    /** @return the number of correctly predicted examples (the diagonal sum) */
    public long correct() {
        long sum = 0;
        for (int k = 0; k < counts.length; k++) {
            sum += counts[k][k];
        }
        return sum;
    }

    /** @return the number of examples counted (the sum of all cells) */
    public long total() {
        return total;
    }

    /** @return a copy of the counts, rows = actual class, columns = predicted class */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    private void checkClass(String role, int cls) {
        if (cls < 0 || cls >= counts.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s class must be in [0, %d), got %d", role, counts.length, cls));
        }
    }

    /**
     * @param o another object
     * @return whether {@code o} is a confusion matrix with the same counts
     */
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts));
    }

    /** @return a hash of the counts, consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    /** @return the counts row by row, e.g. {@code ConfusionMatrix[[2, 2], [1, 3]]} */
    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
