package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

/**
 * The SEA concepts of Street and Kim, "A streaming ensemble algorithm (SEA) for large-scale
 * classification", KDD 2001: three attributes uniform in [0, 10), of which only the first two
 * matter; label 1 when {@code f1 + f2 > θ}, with θ = 8, 9, 7 and 9.5 for functions 1 to 4 (as
 * MOA's {@code SEAGenerator} numbers them).
 *
 * @param function which threshold, 1 to 4
 * @param noise    the probability that a label is flipped, in [0, 1); MOA's default is 0.1
 */
public record SeaSpec(int function, double noise) implements GeneratorSpec {

    /** The thresholds θ of functions 1 to 4, in that order. */
    private static final double[] THRESHOLDS = {8, 9, 7, 9.5};

    /**
     * @throws ConfigException if the function is not 1 to 4 or the noise is not in [0, 1)
     */
    public SeaSpec {
        ConfigException.require(function >= 1 && function <= 4, "generator.function", function, "1, 2, 3 or 4");
        ConfigException.require(noise >= 0 && noise < 1, "generator.noise", noise,
                "a label-flip probability in [0, 1)");
    }

    /** @return the threshold θ: label 1 when {@code f1 + f2 > θ} */
    public double threshold() {
        return THRESHOLDS[function - 1];
    }

    /** @return 2 */
    @Override
    public int numClasses() {
        return 2;
    }

    /** @return 3: two relevant attributes and one irrelevant */
    @Override
    public int numFeatures() {
        return 3;
    }

    @Override
    public String describe() {
        return "SEA function " + function + ", " + Formats.percent(noise) + " noise";
    }
}
