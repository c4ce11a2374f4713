package dev.tributary.results.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void oneToFiveByHand() {
        Summary s = Summary.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertEquals(5, s.n());
        // mean = 15 / 5 = 3
        assertEquals(3.0, s.mean(), TOLERANCE);
        // squared deviations 4 + 1 + 0 + 1 + 4 = 10; s = sqrt(10 / 4) = 1.5811388
        assertEquals(Math.sqrt(2.5), s.stdDev(), TOLERANCE);
        // half-width = t(0.975, 4) s / sqrt(5) = 2.7764451 * 1.5811388 / 2.2360680 = 1.9632432
        // (t(0.975, 4) = 2.776445105, to the table's ten digits)
        double halfWidth = 2.776445105 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(1.963243, halfWidth, 1e-6);
        assertEquals(3 - halfWidth, s.ci95Low(), 1e-8);
        assertEquals(3 + halfWidth, s.ci95High(), 1e-8);
        assertEquals(halfWidth, s.halfWidth(), 1e-8);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), s.values());
        assertEquals(0, s.ignoredCount());
    }

    @Test
    void twoValuesUseTheWideOneDegreeInterval() {
        // mean 0.5, s = sqrt(((0 - 0.5)² + (1 - 0.5)²) / 1) = sqrt(0.5);
        // half-width = 12.7062047 * 0.7071068 / 1.4142136 = 6.3531024
        Summary s = Summary.of(List.of(0.0, 1.0));
        assertEquals(0.5, s.mean(), TOLERANCE);
        assertEquals(Math.sqrt(0.5), s.stdDev(), TOLERANCE);
        assertEquals(6.353102, s.halfWidth(), 1e-6);
    }

    @Test
    void tenEqualValuesHaveAZeroWidthInterval() {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add(0.9512);
        }
        Summary s = Summary.of(values);
        assertEquals(10, s.n());
        assertEquals(0.9512, s.mean(), 1e-15);
        assertEquals(0.0, s.stdDev(), 1e-15);
        assertEquals(s.mean(), s.ci95Low(), 1e-15);
        assertEquals(s.mean(), s.ci95High(), 1e-15);
    }

    @Test
    void tenValuesUseNineDegreesOfFreedom() {
        // 0..9: mean 4.5, squared deviations sum 82.5, s = sqrt(82.5 / 9) = 3.0276504;
        // half-width = 2.2621572 * 3.0276504 / sqrt(10) = 2.1658506
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add((double) i);
        }
        Summary s = Summary.of(values);
        assertEquals(4.5, s.mean(), TOLERANCE);
        assertEquals(Math.sqrt(82.5 / 9), s.stdDev(), TOLERANCE);
        assertEquals(2.165851, s.halfWidth(), 1e-6);
    }

    @Test
    void oneValueGivesAPointIntervalAndNaNSpread() {
        Summary s = Summary.of(List.of(0.75));
        assertEquals(1, s.n());
        assertEquals(0.75, s.mean());
        assertTrue(Double.isNaN(s.stdDev()), "no spread from one value");
        assertEquals(0.75, s.ci95Low());
        assertEquals(0.75, s.ci95High());
        assertEquals(0.0, s.halfWidth());
    }

    @Test
    void emptyIsNaNEverywhere() {
        Summary s = Summary.of(List.of());
        assertEquals(0, s.n());
        assertTrue(Double.isNaN(s.mean()));
        assertTrue(Double.isNaN(s.stdDev()));
        assertTrue(Double.isNaN(s.ci95Low()));
        assertTrue(Double.isNaN(s.ci95High()));
    }

    @Test
    void nanValuesAreLeftOutButKeptAndCounted() {
        Summary withNaN = Summary.of(Arrays.asList(1.0, Double.NaN, 2.0, 3.0, Double.NaN, 4.0, 5.0));
        Summary without = Summary.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertEquals(5, withNaN.n());
        assertEquals(2, withNaN.ignoredCount());
        assertEquals(7, withNaN.values().size());
        assertTrue(Double.isNaN(withNaN.values().get(1)));
        assertEquals(without.mean(), withNaN.mean());
        assertEquals(without.stdDev(), withNaN.stdDev());
        assertEquals(without.ci95Low(), withNaN.ci95Low());
        assertEquals(without.ci95High(), withNaN.ci95High());

        Summary allNaN = Summary.of(List.of(Double.NaN, Double.NaN));
        assertEquals(0, allNaN.n());
        assertEquals(2, allNaN.ignoredCount());
        assertTrue(Double.isNaN(allNaN.mean()));
    }

    @Test
    void valuesAreCopiedAndUnmodifiable() {
        List<Double> values = new ArrayList<>(List.of(1.0, 2.0));
        Summary s = Summary.of(values);
        values.add(100.0);
        assertEquals(2, s.values().size());
        assertThrows(UnsupportedOperationException.class, () -> s.values().add(3.0));
        assertThrows(NullPointerException.class, () -> Summary.of(null));
        assertThrows(NullPointerException.class, () -> Summary.of(Arrays.asList(1.0, null)));
    }

    @Test
    void toStringUsesRootLocaleAndReportsLeftOutValues() {
        String s = Summary.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0)).toString();
        assertEquals("3.000000 +/- 1.963243 (95% CI [1.036757, 4.963243], sd 1.581139, n 5)", s);
        String partial = Summary.of(Arrays.asList(1.0, Double.NaN, 3.0)).toString();
        assertTrue(partial.endsWith("n 2 of 3)"), partial);
    }
}
