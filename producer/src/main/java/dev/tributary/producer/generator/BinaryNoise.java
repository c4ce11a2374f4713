package dev.tributary.producer.generator;

import java.util.Random;

/** Label noise for binary generators: each label flipped with a fixed probability. */
final class BinaryNoise {

    private BinaryNoise() {
    }

    /**
     * Draws the coin even when the probability is 0, as MOA does, so that the same seed gives
     * the same attributes at every noise level and only the flipped labels differ.
     *
     * @param label       the label before noise, 0 or 1
     * @param probability the probability of flipping it
     * @param random      the generator's random source
     * @return the label, flipped or not
     */
    static int apply(int label, double probability, Random random) {
        return random.nextDouble() < probability ? 1 - label : label;
    }
}
