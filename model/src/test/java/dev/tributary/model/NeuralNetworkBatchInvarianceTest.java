package dev.tributary.model;

import dev.tributary.common.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A row's predicted probabilities do not depend on the rows predicted with it: the guarantee
 * that makes prequential quality independent of how polls batched the events. Without the
 * padding to whole row blocks, 27 of 300 rows differed in their last bits when predicted one at
 * a time on an AVX2 machine; with it, but without the margins and the bound on a call's rows, 26
 * (two classes) and 10 (three) of 300 on an AVX-512 one. 700 rows make the whole input more than
 * one call.
 */
class NeuralNetworkBatchInvarianceTest {

    @Test
    void aRowIsPredictedTheSameWhateverItsBatch() {
        for (int classes : new int[] {2, 3}) {
            NeuralNetwork network = NeuralNetwork.create(new ModelConfig(List.of(64, 64), 0.01), 3, classes, 7);
            Random random = new Random(1);
            double[][] x = new double[700][3];
            for (double[] row : x) {
                for (int j = 0; j < 3; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            double[][] all = network.predictProbabilities(x);
            for (int split : new int[] {1, 2, 3, 5, 7, 13, 17, 33, 50, 255, 287, 288, 289, 299, 699}) {
                for (int offset : new int[] {0, 1, 3}) {
                    int differ = 0;
                    for (int from = offset; from < x.length; from += split) {
                        int to = Math.min(x.length, from + split);
                        double[][] part = network.predictProbabilities(Arrays.copyOfRange(x, from, to));
                        for (int i = 0; i < part.length; i++) {
                            differ += Arrays.equals(part[i], all[from + i]) ? 0 : 1;
                        }
                    }
                    assertEquals(0, differ, classes + " classes, batches of " + split + " from row " + offset);
                }
            }
        }
    }
}
