package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.Strategy;

/**
 * Reference learner: predicts, for each event, the class seen most often before it (learning
 * after every event). Its probabilities are the class frequencies with add-one smoothing, so
 * that log loss stays finite; ties go to the lowest class index, as argmax breaks them.
 */
final class MajorityLearner extends AbstractReferenceLearner {

    private final long[] counts;

    MajorityLearner(int numClasses) {
        this.counts = new long[numClasses];
    }

    @Override
    public Strategy strategy() {
        return Strategy.MAJORITY;
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
    protected void observe(int label) {
        counts[label]++;
    }
}
