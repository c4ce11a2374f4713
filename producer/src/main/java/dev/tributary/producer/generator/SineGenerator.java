package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.SineSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.List;
import java.util.Random;

/**
 * The Sine concepts (Gama, Medas, Castillo and Rodrigues, "Learning with drift detection", SBIA
 * 2004), as MOA's {@code SineGenerator}: {@code x, y} uniform in [0, 1) (features {@code att1,
 * att2}). Label 0 ({@code positive}) when the point lies below the curve for functions 1 and 3,
 * above or on it for the reversed functions 2 and 4; else 1 ({@code negative}). The curve is
 * {@code y = sin(x)} for SINE1 (functions 1, 2) and {@code y = 0.5 + 0.3 sin(3πx)} for SINE2
 * (functions 3, 4). With irrelevant attributes, {@code att3, att4} follow, uniform in [0, 1).
 * Then the label is flipped with the noise probability.
 */
public final class SineGenerator implements ExampleGenerator {

    private final Schema schema;
    private final int function;
    private final double noise;
    private final Random random;

    /**
     * @param spec the concept
     * @param seed the seed of its only random source
     */
    public SineGenerator(SineSpec spec, long seed) {
        this.function = spec.function();
        this.noise = spec.noise();
        this.random = new Random(seed);
        List<String> features = spec.irrelevantAttributes() ? List.of("att1", "att2", "att3", "att4")
                : List.of("att1", "att2");
        this.schema = new Schema(features, List.of("positive", "negative"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Example next() {
        double[] features = new double[schema.numFeatures()];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextDouble();
        }
        double x = features[0];
        double y = features[1];
        double curve = function <= 2 ? Math.sin(x) : 0.5 + 0.3 * Math.sin(3 * Math.PI * x);
        boolean below = y < curve;
        boolean reversed = function % 2 == 0;
        int label = below != reversed ? 0 : 1;
        return new Example(features, BinaryNoise.apply(label, noise, random));
    }
}
