package dev.tributary.evaluation.strategy;

import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.common.model.ModelArtifact;
import dev.tributary.common.model.ModelMetadata;
import dev.tributary.common.model.StandardizedNetwork;

import java.util.Random;

/**
 * What the neural strategies share: the network configuration, the training settings and the
 * seeds, and a serving model. Subclasses decide when the model learns.
 */
abstract class NeuralStrategy implements Strategy {

    protected final ModelConfig model;
    protected final BatchTrainingConfig batch;
    protected final StreamTrainingConfig stream;
    protected final int numFeatures;
    protected final int numClasses;
    protected final long modelSeed;
    private final long shuffleSeed;
    protected StandardizedNetwork serving;
    protected long incorporated;
    protected long steps;

    NeuralStrategy(StrategyContext context) {
        this.model = context.model();
        this.batch = context.batch();
        this.stream = context.stream();
        this.numFeatures = context.numFeatures();
        this.numClasses = context.numClasses();
        this.modelSeed = context.modelSeed();
        this.shuffleSeed = context.shuffleSeed();
        this.serving = StandardizedNetwork.fresh(model, numFeatures, numClasses, modelSeed);
    }

    /**
     * The history, in batch, from scratch: what {@code batch}, {@code warm-start} and (on its
     * window) {@code periodic-retrain} start from.
     */
    @Override
    public boolean learnsHistoryInBatch() {
        return true;
    }

    @Override
    public void learnHistory(double[][] features, int[] labels) {
        serving = fitFromScratch(features, labels, 0);
        incorporated = features.length;
    }

    /** A batch fit from scratch, as the batch baseline does it. */
    protected StandardizedNetwork fitFromScratch(double[][] features, int[] labels, long position) {
        StandardizedNetwork fresh = StandardizedNetwork.fresh(model, numFeatures, numClasses, modelSeed);
        steps += fresh.learn(features, labels, batch.epochs(), batch.batchSize(), random(position));
        return fresh;
    }

    /** An increment, as the streaming learner does it. */
    protected void learnIncrement(double[][] features, int[] labels, long position) {
        steps += serving.learn(features, labels, stream.epochsPerPoll(), stream.batchSize(), random(position));
    }

    /** Seeded by position, so that a run's shuffles do not depend on how it was interrupted or batched before. */
    private Random random(long position) {
        return new Random(shuffleSeed + position);
    }

    @Override
    public double[][] predict(double[][] features) {
        return serving.predictProbabilities(features);
    }

    @Override
    public long incorporated() {
        return incorporated;
    }

    @Override
    public long gradientSteps() {
        return steps;
    }

    @Override
    public ModelArtifact artifact(ModelMetadata metadata) {
        return serving.toArtifact(metadata);
    }
}
