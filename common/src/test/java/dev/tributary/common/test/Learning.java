package dev.tributary.common.test;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.PeriodicRetrainConfig;
import dev.tributary.common.config.Seeds;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.data.Schema;

/** Learner configurations for tests: the parts a test cares about, the defaults for the rest. */
public final class Learning {

    private Learning() {
    }

    /**
     * @return a configuration with these settings, the default periodic schedule, and these two seeds
     */
    public static LearnerConfig config(ModelConfig model, BatchTrainingConfig batch, StreamTrainingConfig stream,
                                       Schema schema, long modelSeed, long shuffleSeed) {
        return new LearnerConfig(model, batch, stream, PeriodicRetrainConfig.DEFAULT, schema,
                new Seeds(0, 0, modelSeed, shuffleSeed));
    }

    /** @return a batch-training configuration (the stream settings are the defaults) */
    public static LearnerConfig batch(ModelConfig model, BatchTrainingConfig batch, Schema schema, long modelSeed,
                                      long shuffleSeed) {
        return config(model, batch, StreamTrainingConfig.DEFAULT, schema, modelSeed, shuffleSeed);
    }

    /** @return a stream-training configuration (the batch settings are the defaults) */
    public static LearnerConfig stream(ModelConfig model, StreamTrainingConfig stream, Schema schema, long modelSeed,
                                       long shuffleSeed) {
        return config(model, BatchTrainingConfig.DEFAULT, stream, schema, modelSeed, shuffleSeed);
    }
}
