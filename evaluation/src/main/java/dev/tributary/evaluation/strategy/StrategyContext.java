package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.ScenarioConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Schema;

/**
 * What every strategy is built from: one scenario's settings for one repetition.
 *
 * @param model       the network configuration, shared by every neural strategy
 * @param batch       batch training settings
 * @param stream      incremental training settings
 * @param periodic    the periodic-retrain schedule
 * @param numFeatures inputs
 * @param numClasses  classes
 * @param modelSeed   weight-initialisation seed
 * @param shuffleSeed shuffle seed
 */
public record StrategyContext(ModelConfig model, BatchTrainingConfig batch, StreamTrainingConfig stream,
                              PeriodicRetrainConfig periodic, int numFeatures, int numClasses,
                              long modelSeed, long shuffleSeed) {

    /**
     * @param scenario the run
     * @param schema   its source's schema
     * @param seeds    this repetition's seeds
     * @return the context
     */
    public static StrategyContext of(ScenarioConfig scenario, Schema schema, Seeds seeds) {
        return new StrategyContext(scenario.model(), scenario.batch(), scenario.stream(), scenario.periodic(),
                schema.numFeatures(), schema.numClasses(), seeds.model(), seeds.shuffle());
    }
}
