package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.StaggerSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.List;
import java.util.Random;

/**
 * The STAGGER concepts (Schlimmer and Granger, "Incremental learning from noisy data", Machine
 * Learning 1(3), 1986), as MOA's {@code STAGGERGenerator}: size (small, medium, large), colour
 * (red, blue, green) and shape (circle, square, triangle), each uniform over its values and
 * encoded one-hot, in that order, as nine 0/1 features. Label 1 ({@code true}) when
 * (1) size is small and colour red, (2) colour is green or shape circle, (3) size is medium or
 * large; else 0 ({@code false}). No noise.
 */
public final class StaggerGenerator implements ExampleGenerator {

    private static final Schema SCHEMA = new Schema(List.of(
            "size_small", "size_medium", "size_large",
            "color_red", "color_blue", "color_green",
            "shape_circle", "shape_square", "shape_triangle"), List.of("false", "true"));
    private static final int SMALL = 0;
    private static final int RED = 0;
    private static final int GREEN = 2;
    private static final int CIRCLE = 0;

    private final int function;
    private final Random random;

    /**
     * @param spec the concept
     * @param seed the seed of its only random source
     */
    public StaggerGenerator(StaggerSpec spec, long seed) {
        this.function = spec.function();
        this.random = new Random(seed);
    }

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public Example next() {
        int size = random.nextInt(3);
        int color = random.nextInt(3);
        int shape = random.nextInt(3);
        boolean positive = switch (function) {
            case 1 -> size == SMALL && color == RED;
            case 2 -> color == GREEN || shape == CIRCLE;
            default -> size != SMALL;
        };
        double[] x = new double[9];
        x[size] = 1;
        x[3 + color] = 1;
        x[6 + shape] = 1;
        return new Example(x, positive ? 1 : 0);
    }
}
