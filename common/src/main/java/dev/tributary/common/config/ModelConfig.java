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
    }
}
