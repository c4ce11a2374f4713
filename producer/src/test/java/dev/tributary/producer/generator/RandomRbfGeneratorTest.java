package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.RandomRbfSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomRbfGeneratorTest {

    @Test
    void eachClassIsAsFrequentAsTheWeightOfItsCentroids() {
        RandomRbfGenerator rbf = new RandomRbfGenerator(new RandomRbfSpec(5, 3, 20, 0, 0), 31);
        double[] expected = new double[3];
        for (int c = 0; c < rbf.centroids(); c++) {
            expected[rbf.label(c)] += rbf.probability(c);
        }
        int[] counts = new int[3];
        int events = 50_000;
        for (int i = 0; i < events; i++) {
            counts[rbf.next().label()]++;
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(expected[k], (double) counts[k] / events, 0.015, "share of class " + k);
        }
    }

    @Test
    void examplesLieAroundTheirCentroidAtAGaussianDistance() {
        RandomRbfGenerator rbf = new RandomRbfGenerator(new RandomRbfSpec(4, 2, 1, 0, 0), 32);
        double[] centre = rbf.centre(0);
        double sigma = rbf.stdDev(0);
        double[] mean = new double[4];
        double distance = 0;
        int events = 40_000;
        for (int i = 0; i < events; i++) {
            Example e = rbf.next();
            assertEquals(rbf.label(0), e.label());
            double squared = 0;
            for (int j = 0; j < 4; j++) {
                mean[j] += e.features()[j] / events;
                squared += (e.features()[j] - centre[j]) * (e.features()[j] - centre[j]);
            }
            distance += Math.sqrt(squared) / events;
        }
        assertArrayEquals(centre, mean, 0.02, "examples are symmetric about the centre");
        // |N(0, sigma)| has mean sigma * sqrt(2 / pi).
        assertEquals(sigma * Math.sqrt(2 / Math.PI), distance, 0.03 * sigma);
    }

    @Test
    void driftingCentroidsMoveAtTheSpeedAndStayInTheUnitCube() {
        double speed = 0.01;
        RandomRbfGenerator rbf = new RandomRbfGenerator(new RandomRbfSpec(3, 2, 10, 4, speed), 33);
        double[][] start = new double[10][];
        for (int c = 0; c < 10; c++) {
            start[c] = rbf.centre(c);
        }
        double[][] before = start.clone();
        for (int i = 0; i < 20_000; i++) {
            rbf.next();
            for (int c = 0; c < 10; c++) {
                double[] now = rbf.centre(c);
                double step = distance(before[c], now);
                if (c < 4) {
                    assertTrue(step > 0 && step <= speed + 1e-12, "centroid " + c + " moved " + step);
                } else {
                    assertArrayEquals(start[c], now, "centroid " + c + " does not drift");
                }
                for (double x : now) {
                    assertTrue(x >= 0 && x <= 1, "centre coordinate " + x);
                }
                before[c] = now;
            }
        }
    }

    @Test
    void labelsAndFeaturesFollowTheSchema() {
        RandomRbfGenerator rbf = new RandomRbfGenerator(new RandomRbfSpec(3, 4, 50, 50, 0.001), 34);
        assertEquals(List.of("att1", "att2", "att3"), rbf.schema().featureNames());
        assertEquals(List.of("class1", "class2", "class3", "class4"), rbf.schema().classNames());
        for (int i = 0; i < 10_000; i++) {
            Example e = rbf.next();
            assertEquals(3, e.features().length);
            assertTrue(e.label() >= 0 && e.label() < 4);
            for (double x : e.features()) {
                assertTrue(Double.isFinite(x));
            }
        }
    }

    @Test
    void sameSeedSameStream() {
        GeneratorChecks.assertDeterministicPerSeed(
                seed -> new RandomRbfGenerator(new RandomRbfSpec(10, 2, 50, 50, 0.001), seed));
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
