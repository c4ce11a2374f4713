package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.HyperplaneSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HyperplaneGeneratorTest {

    @Test
    void withoutDriftOrNoiseOneFixedHyperplaneSeparatesTheClasses() {
        HyperplaneGenerator hyperplane = new HyperplaneGenerator(new HyperplaneSpec(10, 2, 0, 0, 0.1), 21);
        double[] w = hyperplane.weights();
        for (double wi : w) {
            assertTrue(wi >= 0 && wi < 1, "initial weight " + wi);
        }
        for (int i = 0; i < 10_000; i++) {
            Example e = hyperplane.next();
            assertEquals(side(w, e.features()), e.label(), "event " + i);
        }
        assertArrayEquals(w, hyperplane.weights(), "magnitude 0 must leave the weights alone");
    }

    @Test
    void driftingWeightsMoveByTheMagnitudeAndLabelsFollowTheCurrentHyperplane() {
        double magnitude = 0.01;
        HyperplaneGenerator hyperplane = new HyperplaneGenerator(new HyperplaneSpec(5, 2, magnitude, 0, 0.1), 22);
        double[] initial = hyperplane.weights();
        for (int i = 0; i < 10_000; i++) {
            double[] before = hyperplane.weights();
            Example e = hyperplane.next();
            assertEquals(side(before, e.features()), e.label(), "event " + i);
            double[] after = hyperplane.weights();
            for (int j = 0; j < 5; j++) {
                double moved = Math.abs(after[j] - before[j]);
                assertEquals(j < 2 ? magnitude : 0, moved, 1e-9, "weight " + j + " at event " + i);
            }
        }
        assertTrue(hyperplane.weights()[0] != initial[0], "a drifting weight should have moved");
    }

    @Test
    void classesAreBalancedBySymmetry() {
        // x is uniform on the unit cube, symmetric about its centre, where the hyperplane passes.
        double share = GeneratorChecks.labelShare(
                new HyperplaneGenerator(new HyperplaneSpec(10, 2, 0.001, 0, 0.1), 23), 20_000, 1);
        assertEquals(0.5, share, 0.02);
    }

    @Test
    void noiseFlipsTheConfiguredShareOfLabels() {
        double flipped = GeneratorChecks.flippedShare(
                new HyperplaneGenerator(new HyperplaneSpec(10, 2, 0.001, 0.1, 0.1), 24),
                new HyperplaneGenerator(new HyperplaneSpec(10, 2, 0.001, 0, 0.1), 24), 20_000);
        assertEquals(0.1, flipped, 0.015);
    }

    @Test
    void attributesAreUniformOnTheUnitCube() {
        HyperplaneGenerator hyperplane = new HyperplaneGenerator(new HyperplaneSpec(3, 1, 0.01, 0.05, 0.1), 25);
        assertEquals(List.of("att1", "att2", "att3"), hyperplane.schema().featureNames());
        for (int i = 0; i < 10_000; i++) {
            for (double x : hyperplane.next().features()) {
                assertTrue(x >= 0 && x < 1, "attribute " + x);
            }
        }
    }

    @Test
    void sameSeedSameStream() {
        GeneratorChecks.assertDeterministicPerSeed(
                seed -> new HyperplaneGenerator(new HyperplaneSpec(10, 2, 0.001, 0.05, 0.1), seed));
    }

    /** The definition: class 1 when the weighted sum reaches half the weights' sum. */
    private static int side(double[] w, double[] x) {
        double dot = 0;
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            dot += w[i] * x[i];
            total += w[i];
        }
        return dot >= total / 2 ? 1 : 0;
    }
}
