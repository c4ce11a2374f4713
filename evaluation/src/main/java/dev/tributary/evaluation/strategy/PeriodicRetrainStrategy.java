package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * The nightly-job pattern: every {@code every} events a new model is trained from scratch, in
 * batch, on the last {@code window} events, and replaces the serving one. Between retrains the
 * serving model is frozen. Memory: the window, a fixed-size ring of rows.
 */
final class PeriodicRetrainStrategy extends NeuralStrategy {

    private final long every;
    private final double[][] windowRows;
    private final int[] windowLabels;
    private long seen;
    private long sinceRetrain;

    PeriodicRetrainStrategy(StrategyContext context) {
        super(context);
        this.every = context.periodic().every();
        this.windowRows = new double[context.periodic().window()][];
        this.windowLabels = new int[context.periodic().window()];
    }

    @Override
    public String name() {
        return ScenarioConfig.PERIODIC;
    }

    /** The first model: a retrain at the end of the history, on its last {@code window} events. */
    @Override
    public void learnHistory(double[][] features, int[] labels) {
        remember(features, labels);
        retrain();
    }

    @Override
    public void learn(double[][] features, int[] labels) {
        remember(features, labels);
        sinceRetrain += features.length;
        if (sinceRetrain >= every) {
            retrain();
        }
    }

    private void remember(double[][] features, int[] labels) {
        for (int i = 0; i < features.length; i++) {
            int slot = (int) (seen % windowRows.length);
            windowRows[slot] = features[i];
            windowLabels[slot] = labels[i];
            seen++;
        }
    }

    private void retrain() {
        int size = (int) Math.min(seen, windowRows.length);
        double[][] rows = new double[size][];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            int slot = (int) ((seen - size + i) % windowRows.length);
            rows[i] = windowRows[slot];
            labels[i] = windowLabels[slot];
        }
        serving = fitFromScratch(rows, labels, seen);
        incorporated = seen;
        sinceRetrain = 0;
    }
}
