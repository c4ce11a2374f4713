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
 * @param scenarioFingerprint the scenario's {@link ScenarioConfig#fingerprint()}, which a trainer records
 *                 in its checkpoints and checks when it resumes from one; {@code null} when the
 *                 learners are configured without a scenario (tests), and then not checked
 */
public record LearnerConfig(ModelConfig model, BatchTrainingConfig batch, StreamTrainingConfig stream,
                            PeriodicRetrainConfig periodic, Schema schema, Seeds seeds, String scenarioFingerprint) {

    /**
     * A configuration of no scenario: its checkpoints record no fingerprint and are resumed unchecked.
     *
     * @param model    as for the canonical constructor
     * @param batch    as for the canonical constructor
     * @param stream   as for the canonical constructor
     * @param periodic as for the canonical constructor
     * @param schema   as for the canonical constructor
     * @param seeds    as for the canonical constructor
     */
    public LearnerConfig(ModelConfig model, BatchTrainingConfig batch, StreamTrainingConfig stream,
                         PeriodicRetrainConfig periodic, Schema schema, Seeds seeds) {
        this(model, batch, stream, periodic, schema, seeds, null);
    }

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
                scenario.seeds(), scenario.fingerprint());
    }

    /**
     * @param other streaming settings
     * @return a copy with them
     */
    public LearnerConfig withStream(StreamTrainingConfig other) {
        return new LearnerConfig(model, batch, other, periodic, schema, seeds, scenarioFingerprint);
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
