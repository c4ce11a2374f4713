package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.RandomRbfSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * The random radial-basis-function stream with drifting centroids, as MOA's {@code
 * RandomRBFGeneratorDrift} (Bifet et al., "MOA: Massive Online Analysis", JMLR 11, 2010).
 *
 * <p>The model, drawn once: each centroid has a centre uniform in [0, 1)^d, a class uniform over
 * the classes, a standard deviation uniform in [0, 1) and a weight uniform in [0, 1); each of the
 * first {@code drifting-centroids} also has a random unit direction (components uniform in
 * [0, 1), normalised). Each event first moves every drifting centre by {@code speed} along its
 * direction; a coordinate that leaves [0, 1] is clamped to the face and that component of the
 * direction reversed. Then a centroid is chosen with probability proportional to its weight, and
 * the example is its centre plus a uniform random direction scaled by a Gaussian of the
 * centroid's standard deviation; the label is the centroid's class. The attributes are
 * therefore not bounded.
 *
 * <p>Unlike MOA, which draws the model and the examples from two seeds (and the directions by
 * re-using the centres' seed), one random source seeded once draws the model first and then the
 * examples.
 */
public final class RandomRbfGenerator implements ExampleGenerator {

    private final Schema schema;
    private final double speed;
    private final Random random;
    private final double[][] centres;
    private final int[] labels;
    private final double[] stdDevs;
    private final double[] cumulativeWeights;
    private final double[][] directions;

    /**
     * @param spec the concept
     * @param seed the seed of its only random source
     */
    public RandomRbfGenerator(RandomRbfSpec spec, long seed) {
        int dimensions = spec.dimensions();
        this.speed = spec.speed();
        this.random = new Random(seed);
        this.centres = new double[spec.centroids()][dimensions];
        this.labels = new int[spec.centroids()];
        this.stdDevs = new double[spec.centroids()];
        this.cumulativeWeights = new double[spec.centroids()];
        double total = 0;
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < dimensions; i++) {
                centres[c][i] = random.nextDouble();
            }
            labels[c] = random.nextInt(spec.classes());
            stdDevs[c] = random.nextDouble();
            total += random.nextDouble();
            cumulativeWeights[c] = total;
        }
        this.directions = new double[spec.driftingCentroids()][];
        for (int c = 0; c < directions.length; c++) {
            directions[c] = unitVector(dimensions, random::nextDouble);
        }
        List<String> features = new ArrayList<>();
        for (int i = 1; i <= dimensions; i++) {
            features.add("att" + i);
        }
        List<String> classes = new ArrayList<>();
        for (int i = 1; i <= spec.classes(); i++) {
            classes.add("class" + i);
        }
        this.schema = new Schema(features, classes);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Example next() {
        drift();
        int c = chooseCentroid();
        double[] direction = unitVector(centres[c].length, () -> 2 * random.nextDouble() - 1);
        double distance = random.nextGaussian() * stdDevs[c];
        double[] x = new double[direction.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = centres[c][i] + direction[i] * distance;
        }
        return new Example(x, labels[c]);
    }

    /** Visible for testing: the number of centroids. */
    int centroids() {
        return centres.length;
    }

    /** Visible for testing: a copy of centroid {@code c}'s centre as it is now. */
    double[] centre(int c) {
        return centres[c].clone();
    }

    /** Visible for testing: centroid {@code c}'s class. */
    int label(int c) {
        return labels[c];
    }

    /** Visible for testing: centroid {@code c}'s standard deviation. */
    double stdDev(int c) {
        return stdDevs[c];
    }

    /** Visible for testing: the probability that an example comes from centroid {@code c}. */
    double probability(int c) {
        double previous = c == 0 ? 0 : cumulativeWeights[c - 1];
        return (cumulativeWeights[c] - previous) / cumulativeWeights[cumulativeWeights.length - 1];
    }

    private void drift() {
        if (speed == 0) {
            return;
        }
        for (int c = 0; c < directions.length; c++) {
            for (int i = 0; i < centres[c].length; i++) {
                double moved = centres[c][i] + directions[c][i] * speed;
                if (moved > 1 || moved < 0) {
                    moved = moved > 1 ? 1 : 0;
                    directions[c][i] = -directions[c][i];
                }
                centres[c][i] = moved;
            }
        }
    }

    private int chooseCentroid() {
        double u = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        for (int c = 0; c < cumulativeWeights.length - 1; c++) {
            if (u < cumulativeWeights[c]) {
                return c;
            }
        }
        return cumulativeWeights.length - 1;
    }

    /**
     * Draws components until their norm is positive, then normalises: a zero vector has
     * probability zero but would otherwise turn every attribute into NaN.
     */
    private static double[] unitVector(int dimensions, DoubleSupplier component) {
        double[] v = new double[dimensions];
        double norm = 0;
        while (norm == 0) {
            norm = 0;
            for (int i = 0; i < dimensions; i++) {
                v[i] = component.getAsDouble();
                norm += v[i] * v[i];
            }
            norm = Math.sqrt(norm);
        }
        for (int i = 0; i < dimensions; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
