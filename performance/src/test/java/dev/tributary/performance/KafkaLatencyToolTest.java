package dev.tributary.performance;

import dev.tributary.common.TributaryException;
import dev.tributary.results.KafkaEndToEndLatency;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KafkaLatencyToolTest {

    /** The two lines EndToEndLatency prints last (its format strings, as in kafka-tools 4.3.1). */
    @Test
    void readsTheToolsAverageAndPercentiles() {
        String printed = "0\t2.0311\n500\t0.9120\n"
                + String.format(Locale.ROOT, "Avg latency: %.4f ms%n", 1.2345)
                + String.format(Locale.ROOT, "Percentiles: 50th = %d, 99th = %d, 99.9th = %d%n", 1, 3, 12);
        assertEquals(new KafkaEndToEndLatency(1_000, 1.2345, 1, 3, 12), KafkaLatencyTool.parse(printed, 1_000));
    }

    @Test
    void aRunWithoutItsSummaryIsNoMeasurement() {
        assertThrows(TributaryException.class, () -> KafkaLatencyTool.parse("Avg latency: 1.0 ms\n", 1_000));
    }
}
