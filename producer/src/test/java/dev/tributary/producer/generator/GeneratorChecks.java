package dev.tributary.producer.generator;

import dev.tributary.common.data.Example;

import java.util.Arrays;
import java.util.function.LongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Checks every generator must pass, whatever its definition. */
final class GeneratorChecks {

    private GeneratorChecks() {
    }

    /**
     * The same seed gives the same first 1,000 examples; another seed other ones.
     *
     * @param make builds the generator under test from a seed
     */
    static void assertDeterministicPerSeed(LongFunction<? extends ExampleGenerator> make) {
        ExampleGenerator a = make.apply(7L);
        ExampleGenerator b = make.apply(7L);
        ExampleGenerator other = make.apply(8L);
        int differing = 0;
        for (int i = 0; i < 1000; i++) {
            Example x = a.next();
            assertEquals(x, b.next(), "example " + i + " from the same seed");
            if (!x.equals(other.next())) {
                differing++;
            }
        }
        assertNotEquals(0, differing, "another seed should give other examples");
    }

    /**
     * @param generator the generator
     * @param events    how many examples to draw
     * @return the share of them labelled {@code label}
     */
    static double labelShare(ExampleGenerator generator, int events, int label) {
        int count = 0;
        for (int i = 0; i < events; i++) {
            if (generator.next().label() == label) {
                count++;
            }
        }
        return (double) count / events;
    }

    /**
     * For generators that draw their noise coin whatever the noise level: the same seed gives
     * the same features with and without noise, and the labels differ where the coin flipped.
     *
     * @param noisy  a generator with label noise
     * @param clean  the same generator and seed without noise
     * @param events how many examples to compare
     * @return the share of labels that differ
     */
    static double flippedShare(ExampleGenerator noisy, ExampleGenerator clean, int events) {
        int flipped = 0;
        for (int i = 0; i < events; i++) {
            Example n = noisy.next();
            Example c = clean.next();
            assertEquals(Arrays.toString(c.features()), Arrays.toString(n.features()),
                    "noise must not change the features of example " + i);
            if (n.label() != c.label()) {
                flipped++;
            }
        }
        return (double) flipped / events;
    }
}
