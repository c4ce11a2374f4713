package dev.tributary.batch;

import dev.tributary.common.ProgressListener;
import dev.tributary.common.config.BatchTrainingConfig;
import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.ModelConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.model.learn.HistoryLearner;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.model.StandardizedNetwork;

/**
 * The batch baseline, as {@code train-batch} deploys it and as the experiment's {@code batch}
 * strategy (and {@code warm-start}'s start) runs it: trained once, from scratch, on the whole
 * history ({@link BatchTrainingConfig#epochs()} shuffled epochs of
 * {@link BatchTrainingConfig#batchSize()} rows), then frozen: it learns nothing after the history.
 */
public final class BatchLearner implements HistoryLearner, ModelLearner {

    private final ModelConfig model;
    private final BatchTrainingConfig training;
    private final int numFeatures;
    private final int numClasses;
    private final long modelSeed;
    private final long shuffleSeed;
    private StandardizedNetwork network;
    private long incorporated;
    private long steps;
    private ProgressListener fitProgress = ProgressListener.NONE;

    /**
     * @param config the learners' configuration (network, batch training, seeds, schema)
     */
    public BatchLearner(LearnerConfig config) {
        this.model = config.model();
        this.training = config.batch();
        this.numFeatures = config.numFeatures();
        this.numClasses = config.numClasses();
        this.modelSeed = config.seeds().model();
        this.shuffleSeed = config.seeds().shuffle();
        this.network = StandardizedNetwork.fresh(model, numFeatures, numClasses, modelSeed);
    }

    @Override
    public Strategy strategy() {
        return Strategy.BATCH;
    }

    /**
     * Shows the history's fit, a long task on big data, as it goes: rows taken in over all the
     * epochs. Watching changes nothing in the fit.
     *
     * @param progress hears the fit of the history
     * @return this learner
     */
    public BatchLearner watchFit(ProgressListener progress) {
        this.fitProgress = progress;
        return this;
    }

    @Override
    public void learnHistory(double[][] features, int[] labels) {
        fitProgress.start("fitting " + strategy().key() + ": " + training.epochs() + " epochs of " + features.length
                + " rows", (long) training.epochs() * features.length, "rows");
        network = fit(features, labels, 0, fitProgress::advance);
        fitProgress.finish();
        incorporated = features.length;
    }

    /**
     * A batch fit from scratch, the one way every batch-trained model is made (the baseline, the
     * warm start, each periodic retrain).
     *
     * @param features raw rows
     * @param labels   their classes
     * @param position the stream position of the first row (seeds the shuffles)
     * @param fitted   hears how many rows the fit has taken in over all epochs
     * @return the new network
     */
    StandardizedNetwork fit(double[][] features, int[] labels, long position, java.util.function.LongConsumer fitted) {
        StandardizedNetwork fresh = StandardizedNetwork.fresh(model, numFeatures, numClasses, modelSeed);
        steps += fresh.learn(features, labels, training.epochs(), training.batchSize(), shuffleSeed, position, fitted);
        return fresh;
    }

    /** @return the network it serves, for a learner that continues from it (warm start) */
    public StandardizedNetwork network() {
        return network;
    }

    @Override
    public double[][] predict(double[][] raw) {
        return network.predictProbabilities(raw);
    }

    /** Frozen after the history: events are predicted, never learned. */
    @Override
    public void learn(double[] features, int label) {
    }

    @Override
    public int eventsUntilUpdate() {
        return NEVER;
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
        return network.toArtifact(metadata);
    }
}
