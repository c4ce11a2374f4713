/**
 * The model every strategy trains and the artifact it is saved and shipped as.
 *
 * <p>{@link dev.tributary.model.NeuralNetwork} is the multi-layer perceptron (built on
 * Deeplearning4j, whose types stay inside this package's {@code internals});
 * {@link dev.tributary.model.Standardizer} is the feature scaling, updated one batch at a
 * time so that a streaming learner never uses statistics of records it has not yet seen;
 * {@link dev.tributary.model.ModelArtifact} binds both to the provenance of their
 * training, and {@link dev.tributary.model.ModelCodec} turns it into bytes for a file or
 * a Kafka record.
 */
package dev.tributary.model;
