package dev.tributary.common.learn;

import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;

/** A learner whose serving model is a network that can be saved and published. */
public interface ModelLearner extends Learner {

    /**
     * @param metadata the provenance to record with it
     * @return the serving model
     */
    ModelArtifact artifact(ModelMetadata metadata);
}
