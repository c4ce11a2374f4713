package dev.tributary.model;

import dev.tributary.common.provenance.ModelMetadata;
import dev.tributary.common.config.ModelConfig;

import java.util.Random;

/**
 * A network with the standardisation it learns alongside: the unit every neural strategy
 * trains, and the one piece of learning code shared by the stream trainer, the batch trainer and
 * the strategies of the experiment runner.
 *
 * <p>{@link #learn} is the tutorial's increment: the standardisation absorbs the new rows first
 * (so it never uses rows that have not arrived), then the rows are fitted as shuffled
 * mini-batches for a few epochs. Called once on a fresh network with all rows and many epochs,
 * it is batch learning. Not thread-safe.
 */
public final class StandardizedNetwork {

    private final NeuralNetwork network;
    private final Standardizer standardizer;

    /**
     * @param network      the network
     * @param standardizer its standardisation
     */
    public StandardizedNetwork(NeuralNetwork network, Standardizer standardizer) {
        this.network = network;
        this.standardizer = standardizer;
    }

    /**
     * @return an untrained network with empty statistics
     */
    public static StandardizedNetwork fresh(ModelConfig config, int numFeatures, int numClasses, long seed) {
        return new StandardizedNetwork(NeuralNetwork.create(config, numFeatures, numClasses, seed),
                new Standardizer(numFeatures));
    }

    /**
     * @param artifact a saved model
     * @return it, ready to continue learning
     */
    public static StandardizedNetwork of(ModelArtifact artifact) {
        return new StandardizedNetwork(artifact.network(), artifact.standardizer());
    }

    /**
     * One increment: update the statistics with these rows, then fit them.
     *
     * <p>The shuffles are seeded by {@code shuffleSeed + position}: the one seeding rule of every
     * learner, so that a mini-batch is shuffled the same way whether the run that learns it was
     * interrupted, resumed or fed differently before it.
     *
     * @param raw         unscaled rows
     * @param labels      their classes
     * @param epochs      passes over the rows
     * @param batchSize   rows per gradient step
     * @param shuffleSeed the run's shuffle seed
     * @param position    the stream position of the first row
     * @return the gradient steps taken
     */
    public long learn(double[][] raw, int[] labels, int epochs, int batchSize, long shuffleSeed, long position) {
        return learn(raw, labels, epochs, batchSize, shuffleSeed, position, rows -> { });
    }

    /**
     * {@link #learn(double[][], int[], int, int, long, long)}, telling {@code fitted} how far the
     * fit has come (see {@link MiniBatchFitter#fit(NeuralNetwork, double[][], int[], int, int, Random,
     * java.util.function.LongConsumer)}).
     */
    public long learn(double[][] raw, int[] labels, int epochs, int batchSize, long shuffleSeed, long position,
                      java.util.function.LongConsumer fitted) {
        if (raw.length == 0) {
            return 0;
        }
        standardizer.update(raw);
        return MiniBatchFitter.fit(network, standardizer.transform(raw), labels, epochs, batchSize,
                new Random(shuffleSeed + position), fitted);
    }

    /** @return class probabilities for raw rows */
    public double[][] predictProbabilities(double[][] raw) {
        return network.predictProbabilities(standardizer.transform(raw));
    }

    /** @return the saved form, with the given provenance */
    public ModelArtifact toArtifact(ModelMetadata metadata) {
        return new ModelArtifact(network, standardizer, metadata);
    }
}
