package dev.tributary.performance;

import dev.tributary.common.TributaryException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProducerCeilingTest {

    @Test
    void readsProducerPerformancesSummaryLine() {
        String printed = "50001 records sent, 10000.2 records/sec (0.28 MB/sec), 3.1 ms avg latency, 90.0 ms max latency.\n"
                + "100000 records sent, 123456.7 records/sec (3.53 MB/sec), 2.10 ms avg latency, 91.00 ms max latency, "
                + "1 ms 50th, 5 ms 95th, 9 ms 99th, 20 ms 99.9th.\n";
        assertEquals(123456.7, ProducerCeiling.recordsPerSecond(printed, 100_000), 1e-9);
        assertThrows(TributaryException.class, () -> ProducerCeiling.recordsPerSecond(printed, 200_000),
                "a short run is not a measurement");
    }
}
