package dev.tributary.model;

import java.util.Arrays;

/**
 * Per-feature standardisation, {@code (x - mean) / std}, with the statistics accumulated
 * incrementally (Welford's algorithm, with Chan et al.'s merge for a batch at a time): fitted
 * once on a whole training set it equals the usual batch statistics; updated batch by batch
 * it never looks ahead. A feature with zero variance is only centred.
 *
 * <p>Not thread-safe: one trainer owns one instance.
 */
public final class Standardizer {

    private long count;
    private final double[] mean;
    private final double[] m2;

    /**
     * @param numFeatures the number of features
     */
    public Standardizer(int numFeatures) {
        this(0, new double[numFeatures], new double[numFeatures]);
    }

    private Standardizer(long count, double[] mean, double[] m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    /**
     * Adds a batch of rows to the statistics.
     *
     * @param rows the raw feature rows
     */
    public void update(double[][] rows) {
        for (double[] row : rows) {
            count++;
            for (int j = 0; j < mean.length; j++) {
                double delta = row[j] - mean[j];
                mean[j] += delta / count;
                m2[j] += delta * (row[j] - mean[j]);
            }
        }
    }

    /**
     * @param rows raw feature rows (not modified)
     * @return standardised copies
     */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        double[] scale = scales();
        for (int i = 0; i < rows.length; i++) {
            double[] row = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                row[j] = (rows[i][j] - mean[j]) * scale[j];
            }
            out[i] = row;
        }
        return out;
    }

    private double[] scales() {
        double[] scale = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            double std = count > 0 ? Math.sqrt(m2[j] / count) : 0;
            scale[j] = std > 1e-12 ? 1 / std : 1;
        }
        return scale;
    }

    /** @return the number of rows seen */
    public long count() {
        return count;
    }

    /** @return a copy of the per-feature means */
    public double[] mean() {
        return mean.clone();
    }

    /** @return the per-feature population standard deviations */
    public double[] std() {
        double[] std = new double[mean.length];
        for (int j = 0; j < mean.length; j++) {
            std[j] = count > 0 ? Math.sqrt(m2[j] / count) : 0;
        }
        return std;
    }

    /** @return the statistics, for serialisation */
    public State state() {
        return new State(count, mean.clone(), m2.clone());
    }

    /**
     * @param state statistics from {@link #state()}
     * @return a standardizer that continues from them
     */
    public static Standardizer fromState(State state) {
        if (state.mean().length != state.m2().length || state.count() < 0) {
            throw new IllegalArgumentException("inconsistent standardizer state: count " + state.count()
                    + ", " + state.mean().length + " means, " + state.m2().length + " sums of squares");
        }
        return new Standardizer(state.count(), state.mean().clone(), state.m2().clone());
    }

    /**
     * The serialisable statistics.
     *
     * @param count rows seen
     * @param mean  per-feature means
     * @param m2    per-feature sums of squared deviations from the mean
     */
    public record State(long count, double[] mean, double[] m2) {
        @Override
        public boolean equals(Object o) {
            return o instanceof State s && count == s.count && Arrays.equals(mean, s.mean) && Arrays.equals(m2, s.m2);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count) * 31 + Arrays.hashCode(mean);
        }

        @Override
        public String toString() {
            return "State[count=" + count + ", mean=" + Arrays.toString(mean) + "]";
        }
    }
}
