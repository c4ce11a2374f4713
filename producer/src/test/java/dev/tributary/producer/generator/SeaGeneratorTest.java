package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.SeaSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeaGeneratorTest {

    /** Street and Kim's thresholds for functions 1 to 4. */
    private static final double[] THETA = {8, 9, 7, 9.5};

    @Test
    void labelIsOneExactlyWhenF1PlusF2ExceedsTheThreshold() {
        for (int function = 1; function <= 4; function++) {
            SeaGenerator sea = new SeaGenerator(new SeaSpec(function, 0), 11);
            for (int i = 0; i < 10_000; i++) {
                Example e = sea.next();
                double sum = e.features()[0] + e.features()[1];
                assertEquals(sum > THETA[function - 1] ? 1 : 0, e.label(), "function " + function + ", event " + i);
            }
        }
    }

    @Test
    void classBalanceIsTheAreaAboveTheLine() {
        for (int function = 1; function <= 4; function++) {
            double theta = THETA[function - 1];
            // For f1, f2 uniform on [0, 10)^2 and theta <= 10: P(f1 + f2 > theta) = 1 - theta^2 / 200.
            double expected = 1 - theta * theta / 200;
            double share = GeneratorChecks.labelShare(new SeaGenerator(new SeaSpec(function, 0), 12), 20_000, 1);
            assertEquals(expected, share, 0.02, "share of label 1 for function " + function);
        }
        assertEquals(0.68, 1 - THETA[0] * THETA[0] / 200, 1e-12);
    }

    @Test
    void noiseFlipsTheConfiguredShareOfLabels() {
        double flipped = GeneratorChecks.flippedShare(new SeaGenerator(new SeaSpec(1, 0.1), 13),
                new SeaGenerator(new SeaSpec(1, 0), 13), 20_000);
        assertEquals(0.1, flipped, 0.015);
    }

    @Test
    void attributesAreUniformOnZeroToTen() {
        SeaGenerator sea = new SeaGenerator(new SeaSpec(2, 0.1), 14);
        assertEquals(List.of("f1", "f2", "f3"), sea.schema().featureNames());
        assertEquals(List.of("groupA", "groupB"), sea.schema().classNames());
        double[] sums = new double[3];
        for (int i = 0; i < 20_000; i++) {
            double[] x = sea.next().features();
            assertEquals(3, x.length);
            for (int j = 0; j < 3; j++) {
                assertTrue(x[j] >= 0 && x[j] < 10, "attribute " + j + " = " + x[j]);
                sums[j] += x[j];
            }
        }
        for (double sum : sums) {
            assertEquals(5, sum / 20_000, 0.1);
        }
    }

    @Test
    void sameSeedSameStream() {
        GeneratorChecks.assertDeterministicPerSeed(seed -> new SeaGenerator(new SeaSpec(1, 0.1), seed));
    }
}
