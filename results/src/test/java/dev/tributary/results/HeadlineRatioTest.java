package dev.tributary.results;

import dev.tributary.results.BenchSettings;
import dev.tributary.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineRatioTest {

    @Test
    void theMedianIsOfThePerRepetitionRatiosNotARatioOfMedians() {
        HeadlineRatio r = new HeadlineRatio("x", "a", "b", List.of(10.0, 90.0, 50.0), List.of(10.0, 100.0, 100.0),
                0.8, true);
        assertEquals(List.of(1.0, 0.9, 0.5), r.ratios());
        assertEquals(0.9, r.medianRatio(), 1e-12);
        assertEquals(50.0, r.medianNumerator());
        assertEquals(100.0, r.medianDenominator());
        assertTrue(r.met());
        assertFalse(new HeadlineRatio("x", "a", "b", List.of(1.0, 3.0), List.of(2.0, 2.0), 1.1, true).met(),
                "even count: the mean of the middle two, 1.0");
    }

    @Test
    void aCeilingGoalIsMetFromBelow() {
        assertTrue(new HeadlineRatio("t", "a", "b", List.of(10.5), List.of(1.0), 11, false).met());
        assertFalse(new HeadlineRatio("t", "a", "b", List.of(11.5), List.of(1.0), 11, false).met());
    }

    @Test
    void aRatioWithoutAGoalIsContextNeitherMetNorMissed() {
        HeadlineRatio context = new HeadlineRatio("c", "a", "b", List.of(0.01), List.of(1.0), Double.NaN, true);
        assertFalse(context.hasGoal());
        assertTrue(context.met(), "--check must not fail on a ratio reported for context");
        assertTrue(new HeadlineRatio("g", "a", "b", List.of(0.01), List.of(1.0), 0.7, true).hasGoal());
    }

    @Test
    void sidesMustPair() {
        assertThrows(IllegalArgumentException.class,
                () -> new HeadlineRatio("x", "a", "b", List.of(1.0), List.of(1.0, 2.0), 1, true));
        assertThrows(IllegalArgumentException.class, () -> new HeadlineRatio("x", "a", "b", List.of(), List.of(), 1, true));
    }

    @Test
    void settingsNameTheOptionThatIsOutOfRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> new BenchSettings(
                EnumSet.allOf(BenchSettings.Measure.class), 0, 3, 10, 10, 10, 8, 1, 1_000, 100));
        assertEquals("--cost-events", e.field());
        assertEquals("--repetitions", assertThrows(ConfigException.class, () -> new BenchSettings(
                EnumSet.allOf(BenchSettings.Measure.class), 0, 0, 10, 10, 10, 8, 1, 10, 100)).field());
        assertEquals("--measures", assertThrows(ConfigException.class, () -> new BenchSettings(
                EnumSet.noneOf(BenchSettings.Measure.class), 0, 1, 10, 10, 10, 8, 1, 10, 100)).field());
    }
}
