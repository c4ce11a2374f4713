package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.Strategy;

/**
 * Reference learner: predicts that each event has the class of the event just before it
 * (learning after every event), with probability 1 (log loss clips it). Before any event it
 * predicts class 0, as kappa-temporal's no-change baseline does for the first event, so that its
 * kappa-temporal is 0 by construction.
 */
final class NoChangeLearner extends AbstractReferenceLearner {

    private final int numClasses;
    private int last;

    NoChangeLearner(int numClasses) {
        this.numClasses = numClasses;
    }

    @Override
    public Strategy strategy() {
        return Strategy.NO_CHANGE;
    }

    @Override
    public double[][] predict(double[][] features) {
        double[][] out = new double[features.length][numClasses];
        for (double[] row : out) {
            row[last] = 1;
        }
        return out;
    }

    @Override
    protected void observe(int label) {
        last = label;
    }
}
