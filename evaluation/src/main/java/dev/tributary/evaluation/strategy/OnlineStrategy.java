package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * Test-then-train: every mini-batch is predicted, then learned as the stream trainer learns it
 * (standardisation updated, shuffled, a few epochs). It starts untrained and learns the history
 * the same way, as it arrives.
 */
final class OnlineStrategy extends NeuralStrategy {

    OnlineStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public String name() {
        return ScenarioConfig.ONLINE;
    }

    @Override
    public boolean learnsHistoryInBatch() {
        return false;
    }

    @Override
    public void learnHistory(double[][] features, int[] labels) {
        throw new IllegalStateException("online learns the history incrementally");
    }

    @Override
    public void learn(double[][] features, int[] labels) {
        learnIncrement(features, labels, incorporated);
        incorporated += features.length;
    }
}
