package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

/**
 * The rotating hyperplane of Hulten, Spencer and Domingos, "Mining time-changing data streams",
 * KDD 2001, as MOA's {@code HyperplaneGenerator} defines it: attributes uniform in [0, 1), label 1
 * when {@code Σ w_i x_i ≥ ½ Σ w_i}; after each event the first {@code drifting-attributes}
 * weights move by {@code magnitude} in their current direction, which reverses with probability
 * {@code sigma-reversal}.
 *
 * @param dimensions         the number of attributes, at least 1; MOA's default is 10
 * @param driftingAttributes how many weights drift, 0 to {@code dimensions}; MOA's default is 2
 * @param magnitude          how far a drifting weight moves per event, in [0, 1]; MOA's default is 0
 * @param noise              the probability that a label is flipped, in [0, 1); MOA's default is 0.05
 * @param sigmaReversal      the probability per event and drifting weight that its direction
 *                           reverses, in [0, 1]; MOA's default is 0.1
 */
public record HyperplaneSpec(int dimensions, int driftingAttributes, double magnitude, double noise,
                             double sigmaReversal) implements GeneratorSpec {

    /**
     * @throws ConfigException naming the first parameter out of its range
     */
    public HyperplaneSpec {
        ConfigException.require(dimensions >= 1, "generator.dimensions", dimensions, "at least 1 attribute");
        ConfigException.require(driftingAttributes >= 0 && driftingAttributes <= dimensions,
                "generator.drifting-attributes", driftingAttributes, "0 to " + dimensions + " (the dimensions)");
        ConfigException.require(magnitude >= 0 && magnitude <= 1, "generator.magnitude", magnitude,
                "a weight change per event in [0, 1]");
        ConfigException.require(noise >= 0 && noise < 1, "generator.noise", noise,
                "a label-flip probability in [0, 1)");
        ConfigException.require(sigmaReversal >= 0 && sigmaReversal <= 1, "generator.sigma-reversal", sigmaReversal,
                "a probability in [0, 1]");
    }

    /** @return 2 */
    @Override
    public int numClasses() {
        return 2;
    }

    /** @return the dimensions */
    @Override
    public int numFeatures() {
        return dimensions;
    }

    @Override
    public String describe() {
        String drift = driftingAttributes == 0 || magnitude == 0 ? "fixed"
                : driftingAttributes + " weights drifting by " + Formats.number(magnitude) + " per event, "
                + Formats.percent(sigmaReversal) + " reversal";
        return "hyperplane, " + dimensions + " dimensions, " + drift + ", " + Formats.percent(noise) + " noise";
    }
}
