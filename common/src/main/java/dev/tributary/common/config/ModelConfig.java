package dev.tributary.common.config;

import java.util.List;

/**
 * The network every strategy trains: dense ReLU hidden layers and an output layer that
 * matches the task (one sigmoid unit with binary cross-entropy for two classes, softmax
 * with multi-class cross-entropy for more), optimised with Adam.
 *
 * @param hiddenLayers the width of each hidden layer, input side first
 * @param learningRate Adam's learning rate
 */
public record ModelConfig(List<Integer> hiddenLayers, double learningRate) {

    /**
     * The largest network any strategy may build, in parameters (weights and biases): 2^22, tens
     * of times the largest a scenario here needs. Beyond it, the parameters, Adam's two moments
     * and the gradients would fail deep inside ND4J after producing, or exhaust native memory;
     * and a models-topic record of a larger network is refused on decoding (the model codec
     * bounds what a record may make it allocate by this same number).
     */
    public static final long MAX_PARAMETERS = 1L << 22;

    /** The tutorial's MLP: Dense 128 → 256 → 128, Adam at Keras' default learning rate. */
    public static final ModelConfig DEFAULT = new ModelConfig(List.of(128, 256, 128), 1e-3);

    /**
     * @throws ConfigException if a layer width or the learning rate is not positive
     */
    public ModelConfig {
        hiddenLayers = List.copyOf(hiddenLayers);
        ConfigException.require(!hiddenLayers.isEmpty() && hiddenLayers.stream().allMatch(w -> w > 0),
                "model.hidden-layers", hiddenLayers, "one or more positive widths");
        ConfigException.require(learningRate > 0 && Double.isFinite(learningRate), "model.learning-rate", learningRate,
                "a positive number");
        requireWithinCap(hiddenLayers, parameters(hiddenLayers, 1, 2), "at least ");
    }

    /**
     * @param numFeatures the input width
     * @param numClasses  the number of classes
     * @return the network's parameter count: weights and biases of every layer, the output one
     *         (one unit for two classes, one per class otherwise) included
     */
    public long parameters(int numFeatures, int numClasses) {
        return parameters(hiddenLayers, numFeatures, numClasses);
    }

    /**
     * @param numFeatures the input width
     * @param numClasses  the number of classes
     * @throws ConfigException naming {@code model.hidden-layers}, if the network is over {@link #MAX_PARAMETERS}
     */
    public void requireWithinCap(int numFeatures, int numClasses) {
        requireWithinCap(hiddenLayers, parameters(numFeatures, numClasses),
                "with " + numFeatures + " features and " + numClasses + " classes, ");
    }

    private static void requireWithinCap(List<Integer> hiddenLayers, long parameters, String which) {
        ConfigException.require(parameters <= MAX_PARAMETERS, "model.hidden-layers", hiddenLayers,
                "a network of at most " + String.format(java.util.Locale.ROOT, "%,d", MAX_PARAMETERS)
                        + " parameters; this one has " + which + String.format(java.util.Locale.ROOT, "%,d", parameters));
    }

    private static long parameters(List<Integer> hiddenLayers, int numFeatures, int numClasses) {
        long total = 0;
        long in = numFeatures;
        for (int width : hiddenLayers) {
            total += in * width + width;
            in = width;
        }
        int outputs = numClasses == 2 ? 1 : numClasses;
        return total + in * outputs + outputs;
    }
}
