package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * Reference learner: predicts the class seen most often so far. Its probabilities are the
 * class frequencies with add-one smoothing, so that log loss stays finite.
 */
final class MajorityStrategy extends ReferenceStrategy {

    private final long[] counts;

    MajorityStrategy(StrategyContext context) {
        this.counts = new long[context.numClasses()];
    }

    @Override
    public String name() {
        return ScenarioConfig.MAJORITY;
    }

    @Override
    public double[][] predict(double[][] features) {
        double[] p = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            p[k] = (counts[k] + 1.0) / (seen + counts.length);
        }
        double[][] out = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            out[i] = p.clone();
        }
        return out;
    }

    @Override
    public void learn(double[][] features, int[] labels) {
        for (int label : labels) {
            counts[label]++;
        }
        seen += labels.length;
    }
}
