package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * The batch baseline's start, then the online learner's updates: batch quality from the first
 * prediction, and it keeps learning.
 */
final class WarmStartStrategy extends NeuralStrategy {

    WarmStartStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public String name() {
        return ScenarioConfig.WARM_START;
    }

    @Override
    public void learn(double[][] features, int[] labels) {
        learnIncrement(features, labels, incorporated);
        incorporated += features.length;
    }
}
