package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.SeaSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.List;
import java.util.Random;

/**
 * The SEA concepts (Street and Kim, "A streaming ensemble algorithm (SEA) for large-scale
 * classification", KDD 2001), as MOA's {@code SEAGenerator}: attributes {@code f1, f2, f3}
 * uniform in [0, 10); label 1 ({@code groupB}) when {@code f1 + f2 > θ}, else 0 ({@code groupA});
 * {@code f3} is irrelevant. Then the label is flipped with the spec's noise probability.
 */
public final class SeaGenerator implements ExampleGenerator {

    private static final Schema SCHEMA = new Schema(List.of("f1", "f2", "f3"), List.of("groupA", "groupB"));

    private final double threshold;
    private final double noise;
    private final Random random;

    /**
     * @param spec the concept
     * @param seed the seed of its only random source
     */
    public SeaGenerator(SeaSpec spec, long seed) {
        this.threshold = spec.threshold();
        this.noise = spec.noise();
        this.random = new Random(seed);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Example next() {
        double f1 = 10 * random.nextDouble();
        double f2 = 10 * random.nextDouble();
        double f3 = 10 * random.nextDouble();
        int label = f1 + f2 > threshold ? 1 : 0;
        return new Example(new double[] {f1, f2, f3}, BinaryNoise.apply(label, noise, random));
    }
}
