package dev.tributary.stream;

import dev.tributary.common.config.LearnerConfig;
import dev.tributary.common.config.Strategy;
import dev.tributary.common.config.StreamTrainingConfig;
import dev.tributary.model.learn.MiniBatchBuffer;
import dev.tributary.model.learn.ModelLearner;
import dev.tributary.model.ModelArtifact;
import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.model.StandardizedNetwork;

/**
 * The streaming learner, as {@code train-stream} deploys it and as the experiment's
 * {@code online} and {@code warm-start} strategies run it: events are gathered into mini-batches
 * of {@link StreamTrainingConfig#miniBatch()} events, cut by count on stream positions (see
 * {@link MiniBatchBuffer}), and each complete mini-batch is learned as the tutorial learns a
 * poll: standardisation updated, shuffled (seeded by its position), cut into gradient steps of
 * {@link StreamTrainingConfig#batchSize()} rows, {@link StreamTrainingConfig#epochs()} epochs.
 */
public final class OnlineLearner implements ModelLearner {

    private final Strategy strategy;
    private final StandardizedNetwork network;
    private final StreamTrainingConfig training;
    private final long shuffleSeed;
    private final MiniBatchBuffer buffer;
    private long incorporated;
    private long steps;

    /**
     * @param strategy    the strategy it serves ({@code online}, or {@code warm-start} after a batch start)
     * @param network     the model to continue from
     * @param training    mini-batches and steps
     * @param shuffleSeed the run's shuffle seed
     * @param position    how many events of the stream the model has already learned
     */
    public OnlineLearner(Strategy strategy, StandardizedNetwork network, StreamTrainingConfig training, long shuffleSeed,
                         long position) {
        this.strategy = strategy;
        this.network = network;
        this.training = training;
        this.shuffleSeed = shuffleSeed;
        this.buffer = new MiniBatchBuffer(training.miniBatch(), position);
        this.incorporated = position;
    }

    /**
     * @param config the learners' configuration
     * @return an untrained {@code online} learner
     */
    public static OnlineLearner fresh(LearnerConfig config) {
        return new OnlineLearner(Strategy.ONLINE, StandardizedNetwork.fresh(config.model(), config.numFeatures(),
                config.numClasses(), config.seeds().model()), config.stream(), config.seeds().shuffle(), 0);
    }

    /**
     * @param strategy the strategy it serves
     * @param artifact a saved model: a checkpoint, or a batch model to continue from
     * @param config   the learners' configuration
     * @return a learner that continues from it, at the position it had reached
     */
    public static OnlineLearner resume(Strategy strategy, ModelArtifact artifact, LearnerConfig config) {
        return new OnlineLearner(strategy, StandardizedNetwork.of(artifact), config.stream(), config.seeds().shuffle(),
                artifact.metadata().recordsSeen());
    }

    @Override
    public Strategy strategy() {
        return strategy;
    }

    @Override
    public double[][] predict(double[][] raw) {
        return network.predictProbabilities(raw);
    }

    @Override
    public void learn(double[] features, int label) {
        if (buffer.add(features, label)) {
            learnBuffered();
        }
    }

    @Override
    public int eventsUntilUpdate() {
        return buffer.remaining();
    }

    /** Learns an incomplete last mini-batch, so that the final model has seen every event. */
    @Override
    public void finish() {
        if (buffer.count() > 0) {
            learnBuffered();
        }
    }

    private void learnBuffered() {
        steps += network.learn(buffer.features(), buffer.labels(), training.epochs(), training.batchSize(), shuffleSeed,
                buffer.start());
        incorporated += buffer.count();
        buffer.clear();
    }

    /** @return events taken in but not yet learned (an incomplete mini-batch) */
    public int pending() {
        return buffer.count();
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

    /** @return a learner's description for logs */
    @Override
    public String toString() {
        return strategy + " learner at " + incorporated + (pending() > 0 ? " (+" + pending() + " pending)" : "");
    }
}
