package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

/**
 * The Sine concepts of Gama, Medas, Castillo and Rodrigues, "Learning with drift detection",
 * SBIA 2004, numbered as MOA's {@code SineGenerator}: two attributes uniform in [0, 1); (1) SINE1,
 * points below {@code y = sin(x)} are class 0 ({@code positive}); (2) SINE1 reversed; (3) SINE2,
 * points below {@code y = 0.5 + 0.3 sin(3πx)} are class 0; (4) SINE2 reversed.
 *
 * @param function             which concept, 1 to 4
 * @param irrelevantAttributes whether two more uniform attributes, unrelated to the label, follow
 *                             (MOA adds them unless told not to)
 * @param noise                the probability that a label is flipped, in [0, 1); MOA has none
 */
public record SineSpec(int function, boolean irrelevantAttributes, double noise) implements GeneratorSpec {

    /**
     * @throws ConfigException if the function is not 1 to 4 or the noise is not in [0, 1)
     */
    public SineSpec {
        ConfigException.require(function >= 1 && function <= 4, "generator.function", function, "1, 2, 3 or 4");
        ConfigException.require(noise >= 0 && noise < 1, "generator.noise", noise,
                "a label-flip probability in [0, 1)");
    }

    /** @return 2 */
    @Override
    public int numClasses() {
        return 2;
    }

    /** @return 2, or 4 with the irrelevant attributes */
    @Override
    public int numFeatures() {
        return irrelevantAttributes ? 4 : 2;
    }

    @Override
    public String describe() {
        String name = function <= 2 ? "SINE1" : "SINE2";
        String reversed = function % 2 == 0 ? " reversed" : "";
        String irrelevant = irrelevantAttributes ? ", 2 irrelevant attributes" : "";
        return name + reversed + irrelevant + ", " + Formats.percent(noise) + " noise";
    }
}
