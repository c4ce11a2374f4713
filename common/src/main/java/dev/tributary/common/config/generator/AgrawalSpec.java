package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;

/**
 * The loan-applicant concepts of Agrawal, Imielinski and Swami, "Database mining: a performance
 * perspective", IEEE TKDE 5(6), 1993, as MOA's {@code AgrawalGenerator} defines them: nine
 * attributes (salary, commission, age, education level, car, zip code, house value, years owned,
 * loan) and ten classification functions. Perturbation adds uniform noise to the numeric
 * attributes after the label is fixed.
 *
 * @param function     which classification function, 1 to 10
 * @param perturbation the fraction of each numeric attribute's range by which it is shifted at
 *                     most, in [0, 1]; MOA's default is 0.05
 */
public record AgrawalSpec(int function, double perturbation) implements GeneratorSpec {

    /**
     * @throws ConfigException if the function is not 1 to 10 or the perturbation not in [0, 1]
     */
    public AgrawalSpec {
        ConfigException.require(function >= 1 && function <= 10, "generator.function", function, "1 to 10");
        ConfigException.require(perturbation >= 0 && perturbation <= 1, "generator.perturbation", perturbation,
                "a fraction of each attribute's range in [0, 1]");
    }

    /** @return 2 */
    @Override
    public int numClasses() {
        return 2;
    }

    /** @return 9 */
    @Override
    public int numFeatures() {
        return 9;
    }

    @Override
    public String describe() {
        return "Agrawal function " + function + ", " + Formats.percent(perturbation) + " perturbation";
    }
}
