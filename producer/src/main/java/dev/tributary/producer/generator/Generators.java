package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.AgrawalSpec;
import dev.tributary.common.config.generator.GeneratorSpec;
import dev.tributary.common.config.generator.HyperplaneSpec;
import dev.tributary.common.config.generator.RandomRbfSpec;
import dev.tributary.common.config.generator.SeaSpec;
import dev.tributary.common.config.generator.SineSpec;
import dev.tributary.common.config.generator.StaggerSpec;
import dev.tributary.common.config.generator.StreamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds generators from their specs. */
public final class Generators {

    private Generators() {
    }

    /**
     * Derives every seed from {@code seed} in a fixed order: first the seed of the random source
     * that picks concepts during gradual changes, then one per concept in the spec's order. So
     * adding a concept at the end leaves the earlier concepts' examples unchanged, and two
     * concepts with identical parameters still differ (their own hyperplane, their own centroids).
     *
     * @param spec the stream
     * @param seed the master seed
     * @return the stream, endless and deterministic for that seed
     */
    public static ConceptDriftStream create(StreamSpec spec, long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        long chooserSeed = seeds.nextLong();
        List<ExampleGenerator> concepts = new ArrayList<>();
        for (GeneratorSpec concept : spec.concepts()) {
            concepts.add(create(concept, seeds.nextLong()));
        }
        return new ConceptDriftStream(concepts, spec.drift(), chooserSeed);
    }

    /**
     * @param spec a single concept
     * @param seed the seed of its random source
     * @return the generator, endless and deterministic for that seed
     */
    public static ExampleGenerator create(GeneratorSpec spec, long seed) {
        if (spec instanceof SeaSpec sea) {
            return new SeaGenerator(sea, seed);
        } else if (spec instanceof HyperplaneSpec hyperplane) {
            return new HyperplaneGenerator(hyperplane, seed);
        } else if (spec instanceof RandomRbfSpec rbf) {
            return new RandomRbfGenerator(rbf, seed);
        } else if (spec instanceof StaggerSpec stagger) {
            return new StaggerGenerator(stagger, seed);
        } else if (spec instanceof AgrawalSpec agrawal) {
            return new AgrawalGenerator(agrawal, seed);
        } else if (spec instanceof SineSpec sine) {
            return new SineGenerator(sine, seed);
        }
        throw new IllegalArgumentException("no generator for " + spec);
    }
}
