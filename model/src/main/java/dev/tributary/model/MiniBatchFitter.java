package dev.tributary.model;

import java.util.Random;

/**
 * Keras-style {@code fit(x, y, epochs, batch_size, shuffle=True)}: every epoch visits the rows
 * in a new random order, cut into consecutive mini-batches (the last one may be smaller), one
 * gradient step each. The batch baseline calls it once on the whole training set; the
 * streaming learner once per poll.
 */
public final class MiniBatchFitter {

    private MiniBatchFitter() {
    }

    /**
     * @param network   the network to train
     * @param features  standardised rows
     * @param labels    class indices
     * @param epochs    passes over the rows
     * @param batchSize rows per gradient step
     * @param random    the source of the shuffles
     * @return the number of gradient steps taken
     */
    public static long fit(NeuralNetwork network, double[][] features, int[] labels, int epochs, int batchSize,
                           Random random) {
        return fit(network, features, labels, epochs, batchSize, random, rows -> { });
    }

    /**
     * @param network   the network to train
     * @param features  standardised rows
     * @param labels    class indices
     * @param epochs    passes over the rows
     * @param batchSize rows per gradient step
     * @param random    the source of the shuffles
     * @param fitted    hears, after each step, how many rows the steps so far have taken in over all
     *                  epochs (at the end: epochs × rows); it only watches, the fit is the same
     * @return the number of gradient steps taken
     */
    public static long fit(NeuralNetwork network, double[][] features, int[] labels, int epochs, int batchSize,
                           Random random, java.util.function.LongConsumer fitted) {
        int n = features.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long steps = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < n; from += batchSize) {
                int size = Math.min(batchSize, n - from);
                double[][] x = new double[size][];
                int[] y = new int[size];
                for (int i = 0; i < size; i++) {
                    x[i] = features[order[from + i]];
                    y[i] = labels[order[from + i]];
                }
                network.fit(x, y);
                steps++;
                fitted.accept((long) epoch * n + from + size);
            }
        }
        return steps;
    }

    /** Fisher–Yates. */
    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
