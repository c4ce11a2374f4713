package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * Reference learner: predicts that each event has the class of the event before it. Within a
 * mini-batch it may only use labels it has learned, so every event of a batch gets the last
 * label of the previous batch; the probability 1 goes to that class (log loss clips it).
 */
final class NoChangeStrategy extends ReferenceStrategy {

    private final int numClasses;
    private int last = -1;

    NoChangeStrategy(StrategyContext context) {
        this.numClasses = context.numClasses();
    }

    @Override
    public String name() {
        return ScenarioConfig.NO_CHANGE;
    }

    @Override
    public double[][] predict(double[][] features) {
        double[][] out = new double[features.length][numClasses];
        for (double[] row : out) {
            if (last < 0) {
                java.util.Arrays.fill(row, 1.0 / numClasses);
            } else {
                row[last] = 1;
            }
        }
        return out;
    }

    @Override
    public void learn(double[][] features, int[] labels) {
        if (labels.length > 0) {
            last = labels[labels.length - 1];
        }
        seen += labels.length;
    }
}
