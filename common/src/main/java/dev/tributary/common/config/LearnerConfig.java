package dev.tributary.common.config;

import dev.tributary.common.data.Schema;

/**
 * What every learner is built from: one scenario's network, training settings and seeds, for
 * the schema of its data. The stage commands and the experiment build their learners from the
 * same record, so that a strategy is configured one way wherever it runs.
 *
 * @param model    the network every neural strategy trains
 * @param batch    batch training (the baseline, the warm start, each periodic retrain)
 * @param stream   incremental training
 * @param periodic the periodic-retrain schedule
 * @param schema   features and classes
 * @param seeds    the run's seeds (weights: {@link Seeds#model()}, shuffles: {@link Seeds#shuffle()})
 */
public record LearnerConfig(ModelConfig model, BatchTrainingConfig batch, StreamTrainingConfig stream,
                            PeriodicRetrainConfig periodic, Schema schema, Seeds seeds) {

    /** @throws ConfigException if the network would be over {@link ModelConfig#MAX_PARAMETERS} for this schema */
    public LearnerConfig {
        model.requireWithinCap(schema.numFeatures(), schema.numClasses());
    }

    /**
     * @param scenario the run
     * @param schema   its source's schema
     * @return the learners' configuration
     */
    public static LearnerConfig of(ScenarioConfig scenario, Schema schema) {
        return new LearnerConfig(scenario.model(), scenario.batch(), scenario.stream(), scenario.periodic(), schema,
                scenario.seeds());
    }

    /**
     * @param other streaming settings
     * @return a copy with them
     */
    public LearnerConfig withStream(StreamTrainingConfig other) {
        return new LearnerConfig(model, batch, other, periodic, schema, seeds);
    }

    /** @return the input width */
    public int numFeatures() {
        return schema.numFeatures();
    }

    /** @return the number of classes */
    public int numClasses() {
        return schema.numClasses();
    }
}
