package dev.tributary.reports;

import dev.tributary.results.HeadlineRatio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadlineTableTest {

    /** The producer's five repetitions of README's bench table, as ratios over a ceiling of 1. */
    private static final HeadlineRatio PRODUCER = new HeadlineRatio("producer", "Tributary", "Kafka",
            List.of(0.763, 0.837, 0.831, 0.755, 0.749), List.of(1.0, 1.0, 1.0, 1.0, 1.0), 0.9, true);

    @Test
    void eachMedianComesWithItsIntervalAndCoverage() {
        List<String[]> rows = HeadlineTable.rows(List.of(PRODUCER));
        assertArrayEquals(new String[] {"ratio", "numerator (median)", "denominator (median)", "ratio (median)",
                "median's interval (coverage)", "per repetition", "goal", "met"}, rows.get(0));
        assertArrayEquals(new String[] {"producer", "Tributary: 0.76", "Kafka: 1.00", "0.763",
                "0.749 to 0.837 (93.8 %)", "0.763 0.837 0.831 0.755 0.749", ">= 0.90", "NO"}, rows.get(1));
        String text = HeadlineTable.render(List.of(PRODUCER));
        assertTrue(text.contains("median's interval 0.749 to 0.837 (93.8 %)"), text);
    }
}
