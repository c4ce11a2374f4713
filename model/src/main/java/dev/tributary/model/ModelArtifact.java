package dev.tributary.model;

import dev.tributary.common.provenance.ModelMetadata;
/**
 * A trained model as it is saved and shipped: the network, the standardisation it was trained
 * with, and its provenance. Predictions take raw features and standardise them first, so a
 * model can never be used with the wrong scaling.
 *
 * @param network      the trained network
 * @param standardizer the feature scaling it was trained with
 * @param metadata     how it was made
 */
public record ModelArtifact(NeuralNetwork network, Standardizer standardizer, ModelMetadata metadata) {

    /**
     * @param rawFeatures unscaled rows, as they come off the topic
     * @return one row of class probabilities per input row
     */
    public double[][] predictProbabilities(double[][] rawFeatures) {
        return network.predictProbabilities(standardizer.transform(rawFeatures));
    }
}
