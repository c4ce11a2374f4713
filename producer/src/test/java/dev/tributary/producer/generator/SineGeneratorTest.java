package dev.tributary.producer.generator;

import dev.tributary.common.config.generator.SineSpec;
import dev.tributary.common.data.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SineGeneratorTest {

    @Test
    void pointsBelowTheCurveArePositiveUnlessReversed() {
        for (int function = 1; function <= 4; function++) {
            SineGenerator sine = new SineGenerator(new SineSpec(function, true, 0), 61);
            for (int i = 0; i < 10_000; i++) {
                Example e = sine.next();
                double x = e.features()[0];
                double y = e.features()[1];
                boolean below = function <= 2 ? y < Math.sin(x) : y < 0.5 + 0.3 * Math.sin(3 * Math.PI * x);
                boolean positive = function % 2 == 1 ? below : !below;
                assertEquals(positive ? 0 : 1, e.label(), "function " + function + ", event " + i);
            }
        }
    }

    @Test
    void classBalanceIsTheAreaBelowTheCurve() {
        double sine1 = 1 - Math.cos(1);
        double sine2 = 0.5 + 0.2 / Math.PI;
        double[] positive = {sine1, 1 - sine1, sine2, 1 - sine2};
        for (int function = 1; function <= 4; function++) {
            double share = GeneratorChecks.labelShare(new SineGenerator(new SineSpec(function, false, 0), 62), 20_000, 0);
            assertEquals(positive[function - 1], share, 0.02, "share of positive for function " + function);
        }
    }

    @Test
    void noiseFlipsTheConfiguredShareOfLabels() {
        double flipped = GeneratorChecks.flippedShare(new SineGenerator(new SineSpec(3, true, 0.1), 63),
                new SineGenerator(new SineSpec(3, true, 0), 63), 20_000);
        assertEquals(0.1, flipped, 0.015);
    }

    @Test
    void attributesAreUniformOnTheUnitIntervalWithOptionalIrrelevantOnes() {
        SineGenerator relevant = new SineGenerator(new SineSpec(1, false, 0), 64);
        SineGenerator all = new SineGenerator(new SineSpec(1, true, 0), 64);
        assertEquals(List.of("att1", "att2"), relevant.schema().featureNames());
        assertEquals(List.of("att1", "att2", "att3", "att4"), all.schema().featureNames());
        assertEquals(List.of("positive", "negative"), all.schema().classNames());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(2, relevant.next().features().length);
            double[] x = all.next().features();
            assertEquals(4, x.length);
            for (double v : x) {
                assertTrue(v >= 0 && v < 1, "attribute " + v);
            }
        }
    }

    @Test
    void sameSeedSameStream() {
        GeneratorChecks.assertDeterministicPerSeed(seed -> new SineGenerator(new SineSpec(2, true, 0.1), seed));
    }
}
