package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.ScenarioConfig;

/**
 * The batch baseline: trained once on the history, then frozen. After the history it never
 * learns again, so its freshness is unbounded and drift is invisible to it.
 */
final class BatchStrategy extends NeuralStrategy {

    BatchStrategy(StrategyContext context) {
        super(context);
    }

    @Override
    public String name() {
        return ScenarioConfig.BATCH;
    }

    @Override
    public void learn(double[][] features, int[] labels) {
        // Frozen by definition.
    }

    @Override
    public boolean frozenAfterHistory() {
        return true;
    }
}
