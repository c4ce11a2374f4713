package dev.tributary.evaluation.bench;

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

    @Test
    void readsProducerPerformancesSummaryLine() {
        String printed = "50001 records sent, 10000.2 records/sec (0.28 MB/sec), 3.1 ms avg latency, 90.0 ms max latency.\n"
                + "100000 records sent, 123456.7 records/sec (3.53 MB/sec), 2.10 ms avg latency, 91.00 ms max latency, "
                + "1 ms 50th, 5 ms 95th, 9 ms 99th, 20 ms 99.9th.\n";
        assertEquals(123456.7, ProducerCeiling.recordsPerSecond(printed, 100_000), 1e-9);
        assertThrows(dev.tributary.common.TributaryException.class,
                () -> ProducerCeiling.recordsPerSecond(printed, 200_000), "a short run is not a measurement");
    }
}
