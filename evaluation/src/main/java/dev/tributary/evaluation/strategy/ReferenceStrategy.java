package dev.tributary.evaluation.strategy;

import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;

/**
 * What the reference learners share: they learn every event as it comes (the history too), take
 * no gradient steps and have no model to save.
 */
abstract class ReferenceStrategy implements Strategy {

    /** Events learned so far. */
    protected long seen;

    @Override
    public boolean learnsHistoryInBatch() {
        return false;
    }

    @Override
    public void learnHistory(double[][] features, int[] labels) {
        throw new IllegalStateException(name() + " learns the history incrementally");
    }

    @Override
    public long incorporated() {
        return seen;
    }

    @Override
    public long gradientSteps() {
        return 0;
    }

    @Override
    public ModelArtifact artifact(ModelMetadata metadata) {
        return null;
    }
}
