package dev.tributary.common.config.generator;

import dev.tributary.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GeneratorSpecTest {

    @Test
    void seaAcceptsItsFourFunctionsAndANoiseBelowOne() {
        assertEquals(8.0, new SeaSpec(1, 0.1).threshold());
        assertEquals(9.0, new SeaSpec(2, 0.1).threshold());
        assertEquals(7.0, new SeaSpec(3, 0.1).threshold());
        assertEquals(9.5, new SeaSpec(4, 0).threshold());
        ConfigException e = assertThrows(ConfigException.class, () -> new SeaSpec(5, 0.1));
        assertEquals("generator.function: got 5, expected 1, 2, 3 or 4", e.getMessage());
        assertEquals("generator.noise", assertThrows(ConfigException.class, () -> new SeaSpec(1, 1.0)).field());
        assertEquals("generator.noise", assertThrows(ConfigException.class, () -> new SeaSpec(1, -0.1)).field());
        assertEquals("generator.noise", assertThrows(ConfigException.class, () -> new SeaSpec(1, Double.NaN)).field());
    }

    @Test
    void hyperplaneRejectsEachParameterOutOfRange() {
        new HyperplaneSpec(10, 2, 0.0, 0.05, 0.1);
        new HyperplaneSpec(1, 1, 1.0, 0, 1.0);
        assertField("generator.dimensions", () -> new HyperplaneSpec(0, 0, 0, 0, 0));
        assertField("generator.drifting-attributes", () -> new HyperplaneSpec(3, 4, 0, 0, 0));
        assertField("generator.drifting-attributes", () -> new HyperplaneSpec(3, -1, 0, 0, 0));
        assertField("generator.magnitude", () -> new HyperplaneSpec(3, 1, 1.5, 0, 0));
        assertField("generator.noise", () -> new HyperplaneSpec(3, 1, 0, 1, 0));
        assertField("generator.sigma-reversal", () -> new HyperplaneSpec(3, 1, 0, 0, 1.1));
    }

    @Test
    void randomRbfRejectsEachParameterOutOfRange() {
        new RandomRbfSpec(10, 2, 50, 50, 0.0);
        assertField("generator.dimensions", () -> new RandomRbfSpec(0, 2, 50, 0, 0));
        assertField("generator.classes", () -> new RandomRbfSpec(10, 1, 50, 0, 0));
        assertField("generator.centroids", () -> new RandomRbfSpec(10, 2, 0, 0, 0));
        assertField("generator.drifting-centroids", () -> new RandomRbfSpec(10, 2, 5, 6, 0));
        assertField("generator.speed", () -> new RandomRbfSpec(10, 2, 5, 5, -0.1));
        assertField("generator.speed", () -> new RandomRbfSpec(10, 2, 5, 5, Double.POSITIVE_INFINITY));
    }

    @Test
    void functionNumbersFollowMoa() {
        assertField("generator.function", () -> new StaggerSpec(0));
        assertField("generator.function", () -> new StaggerSpec(4));
        new AgrawalSpec(10, 1.0);
        assertField("generator.function", () -> new AgrawalSpec(11, 0.05));
        assertField("generator.perturbation", () -> new AgrawalSpec(1, 1.5));
        new SineSpec(4, false, 0);
        assertField("generator.function", () -> new SineSpec(0, true, 0));
        assertField("generator.noise", () -> new SineSpec(1, true, 1));
    }

    @Test
    void shapesAndDescriptions() {
        assertEquals(3, new SeaSpec(1, 0.1).numFeatures());
        assertEquals(9, new StaggerSpec(1).numFeatures());
        assertEquals(9, new AgrawalSpec(1, 0).numFeatures());
        assertEquals(4, new SineSpec(1, true, 0).numFeatures());
        assertEquals(2, new SineSpec(1, false, 0).numFeatures());
        assertEquals(7, new RandomRbfSpec(4, 7, 10, 0, 0).numClasses());
        assertEquals("SEA function 1, 10% noise", new SeaSpec(1, 0.1).describe());
        assertEquals("SEA function 4, 12.5% noise", new SeaSpec(4, 0.125).describe());
        assertEquals("hyperplane, 10 dimensions, fixed, 5% noise", new HyperplaneSpec(10, 2, 0, 0.05, 0.1).describe());
        assertEquals("hyperplane, 10 dimensions, 2 weights drifting by 0.001 per event, 10% reversal, 0% noise",
                new HyperplaneSpec(10, 2, 0.001, 0, 0.1).describe());
        assertEquals("random RBF, 10 dimensions, 2 classes, 50 centroids, 50 drifting at speed 0.0001 per event",
                new RandomRbfSpec(10, 2, 50, 50, 0.0001).describe());
        assertEquals("STAGGER function 2", new StaggerSpec(2).describe());
        assertEquals("Agrawal function 7, 5% perturbation", new AgrawalSpec(7, 0.05).describe());
        assertEquals("SINE2 reversed, 2 irrelevant attributes, 0% noise", new SineSpec(4, true, 0).describe());
    }

    private static void assertField(String field, Runnable build) {
        assertEquals(field, assertThrows(ConfigException.class, build::run).field());
    }
}
