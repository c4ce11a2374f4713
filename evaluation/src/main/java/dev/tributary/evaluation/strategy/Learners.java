package dev.tributary.evaluation.strategy;

import dev.tributary.batch.BatchLearner;
import dev.tributary.batch.PeriodicRetrainLearner;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.model.learn.Learner;
import dev.tributary.stream.OnlineLearner;

/**
 * The learner of each strategy: the stage modules' own classes for the neural strategies (what
 * {@code train-batch}, {@code train-periodic} and {@code train-stream} deploy), and the reference
 * learners.
 */
public final class Learners {

    private Learners() {
    }

    /**
     * @param strategy the strategy
     * @param config   the settings they are built from
     * @return a fresh learner
     */
    public static Learner create(Strategy strategy, LearnerConfig config) {
        return switch (strategy) {
            case BATCH -> new BatchLearner(config);
            case PERIODIC_RETRAIN -> new PeriodicRetrainLearner(config);
            case ONLINE -> OnlineLearner.fresh(config);
            case WARM_START -> new WarmStartLearner(config);
            case MAJORITY -> new MajorityLearner(config.numClasses());
            case NO_CHANGE -> new NoChangeLearner(config.numClasses());
        };
    }
}
