package dev.tributary.model;

import dev.tributary.common.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MiniBatchFitterTest {

    @Test
    void watchingAFitReportsEveryRowOfEveryEpochAndChangesNothing() {
        Random random = new Random(3);
        double[][] x = new double[70][3];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i] = x[i][0] + x[i][1] > 0 ? 1 : 0;
        }
        ModelConfig config = new ModelConfig(List.of(8), 0.01);
        NeuralNetwork unwatched = NeuralNetwork.create(config, 3, 2, 11);
        NeuralNetwork watched = NeuralNetwork.create(config, 3, 2, 11);
        List<Long> heard = new ArrayList<>();

        long steps = MiniBatchFitter.fit(unwatched, x, y, 3, 32, new Random(5));
        long watchedSteps = MiniBatchFitter.fit(watched, x, y, 3, 32, new Random(5), heard::add);

        assertEquals(9, steps, "ceil(70 / 32) = 3 steps per epoch");
        assertEquals(steps, watchedSteps);
        // After each step, the rows taken in so far: 32, 64, 70 in the first epoch, and so on.
        assertEquals(List.of(32L, 64L, 70L, 102L, 134L, 140L, 172L, 204L, 210L), heard);
        assertArrayEquals(unwatched.parameters(), watched.parameters(), "the same fit, bit for bit");
    }
}
