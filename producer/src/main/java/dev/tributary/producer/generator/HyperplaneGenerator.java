package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.HyperplaneSpec;
import dev.tributary.common.data.Example;
import dev.tributary.common.data.Schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The rotating hyperplane (Hulten, Spencer and Domingos, "Mining time-changing data streams",
 * KDD 2001), as MOA's {@code HyperplaneGenerator}: weights drawn uniform in [0, 1) once;
 * attributes {@code att1..attd} uniform in [0, 1); label 1 ({@code class2}) when
 * {@code Σ w_i x_i ≥ ½ Σ w_i}, else 0; then the label is flipped with the noise probability.
 * After each example, each of the first {@code drifting-attributes} weights moves by {@code
 * magnitude} in its direction (initially +1), and its direction reverses with probability
 * {@code sigma-reversal}. As in MOA the weights are not bounded, so they may leave [0, 1).
 */
public final class HyperplaneGenerator implements ExampleGenerator {

    private final Schema schema;
    private final int drifting;
    private final double magnitude;
    private final double noise;
    private final double sigmaReversal;
    private final Random random;
    private final double[] weights;
    private final int[] directions;

    /**
     * @param spec the concept
     * @param seed the seed of its only random source, which draws the weights first
     */
    public HyperplaneGenerator(HyperplaneSpec spec, long seed) {
        this.drifting = spec.driftingAttributes();
        this.magnitude = spec.magnitude();
        this.noise = spec.noise();
        this.sigmaReversal = spec.sigmaReversal();
        this.random = new Random(seed);
        this.weights = new double[spec.dimensions()];
        this.directions = new int[drifting];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextDouble();
        }
        Arrays.fill(directions, 1);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= weights.length; i++) {
            names.add("att" + i);
        }
        this.schema = new Schema(names, List.of("class1", "class2"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public Example next() {
        double[] x = new double[weights.length];
        double sum = 0;
        double weightSum = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
            sum += weights[i] * x[i];
            weightSum += weights[i];
        }
        int label = BinaryNoise.apply(sum >= 0.5 * weightSum ? 1 : 0, noise, random);
        rotate();
        return new Example(x, label);
    }

    /** Visible for testing: the weights the next example will be labelled by. */
    double[] weights() {
        return weights.clone();
    }

    private void rotate() {
        for (int i = 0; i < drifting; i++) {
            weights[i] += directions[i] * magnitude;
            // Drawn even when the magnitude is 0, as MOA does, so the draws do not depend on it.
            if (random.nextDouble() < sigmaReversal) {
                directions[i] = -directions[i];
            }
        }
    }
}
