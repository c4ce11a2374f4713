package dev.tributary.model.learn;

import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;

/** A learner whose serving model is a network that can be saved and published. */
public interface ModelLearner extends Learner {

    /**
     * @param metadata the provenance to record with it
     * @return the serving model
     */
    ModelArtifact artifact(ModelMetadata metadata);
}
