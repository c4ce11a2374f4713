package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.StaggerSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class StaggerGeneratorTest {

    @Test
    void labelsFollowSchlimmerAndGrangersConcepts() {
        for (int function = 1; function <= 3; function++) {
            StaggerGenerator stagger = new StaggerGenerator(new StaggerSpec(function), 41);
            for (int i = 0; i < 10_000; i++) {
                Example e = stagger.next();
                String size = value(e, 0, "small", "medium", "large");
                String color = value(e, 3, "red", "blue", "green");
                String shape = value(e, 6, "circle", "square", "triangle");
                boolean expected = switch (function) {
                    case 1 -> size.equals("small") && color.equals("red");
                    case 2 -> color.equals("green") || shape.equals("circle");
                    default -> size.equals("medium") || size.equals("large");
                };
                assertEquals(expected ? 1 : 0, e.label(), "function " + function + ", event " + i);
            }
        }
    }

    @Test
    void classBalanceFollowsFromUniformValues() {
        double[] expected = {1.0 / 9, 5.0 / 9, 2.0 / 3};
        for (int function = 1; function <= 3; function++) {
            double share = GeneratorChecks.labelShare(new StaggerGenerator(new StaggerSpec(function), 42), 20_000, 1);
            assertEquals(expected[function - 1], share, 0.02, "share of true for function " + function);
        }
    }

    @Test
    void featuresAreOneHot() {
        StaggerGenerator stagger = new StaggerGenerator(new StaggerSpec(1), 43);
        assertEquals(List.of("size_small", "size_medium", "size_large", "color_red", "color_blue", "color_green",
                "shape_circle", "shape_square", "shape_triangle"), stagger.schema().featureNames());
        assertEquals(List.of("false", "true"), stagger.schema().classNames());
        int[] counts = new int[9];
        for (int i = 0; i < 9_000; i++) {
            double[] x = stagger.next().features();
            assertEquals(9, x.length);
            for (int j = 0; j < 9; j++) {
                counts[j] += (int) x[j];
            }
        }
        for (int j = 0; j < 9; j++) {
            assertEquals(1.0 / 3, counts[j] / 9_000.0, 0.03, "share of " + stagger.schema().featureNames().get(j));
        }
    }

    @Test
    void sameSeedSameStream() {
        GeneratorChecks.assertDeterministicPerSeed(seed -> new StaggerGenerator(new StaggerSpec(2), seed));
    }

    /** Decodes one one-hot group, checking that exactly one of its three features is 1 and the rest 0. */
    private static String value(Example e, int offset, String... names) {
        String hot = null;
        for (int j = 0; j < 3; j++) {
            double x = e.features()[offset + j];
            if (x == 1) {
                assertNull(hot, "two values hot in one group");
                hot = names[j];
            } else {
                assertEquals(0.0, x);
            }
        }
        assertNotNull(hot, "no value hot in the group of " + names[0]);
        return hot;
    }
}
