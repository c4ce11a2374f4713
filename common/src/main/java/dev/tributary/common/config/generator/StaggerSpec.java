package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

/**
 * The STAGGER concepts of Schlimmer and Granger, "Incremental learning from noisy data", Machine
 * Learning 1(3), 1986, numbered as MOA's {@code STAGGERGenerator}: three nominal attributes (size,
 * colour, shape, each of three values); label 1 ({@code true}) when (1) size is small and colour
 * red, (2) colour is green or shape circular, (3) size is medium or large.
 *
 * @param function which concept, 1 to 3
 */
public record StaggerSpec(int function) implements GeneratorSpec {

    /**
     * @throws ConfigException if the function is not 1 to 3
     */
    public StaggerSpec {
        ConfigException.require(function >= 1 && function <= 3, "generator.function", function, "1, 2 or 3");
    }

    /** @return 2 */
    @Override
    public int numClasses() {
        return 2;
    }

    /** @return 9: each of the three nominal attributes one-hot over its three values */
    @Override
    public int numFeatures() {
        return 9;
    }

    @Override
    public String describe() {
        return "STAGGER function " + function;
    }
}
