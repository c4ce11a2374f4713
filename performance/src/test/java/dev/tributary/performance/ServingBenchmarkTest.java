package dev.tributary.performance;

import dev.tributary.results.KeepingUp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServingBenchmarkTest {

    /** A lag in stream order: {@code first} ms for the first half of the samples, {@code last} after. */
    private static List<KeepingUp.LagPoint> lag(long first, long last) {
        List<KeepingUp.LagPoint> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new KeepingUp.LagPoint(i * 100L, i < 50 ? first : last));
        }
        return points;
    }

    @Test
    void aScorerThatFellSecondsBehindEarlyDidNotKeepUp() {
        // The run that showed the gap (serve-bench --rates 50000 --seconds 30): a lag that grew from
        // about 5 s to 9 s passes the lanes' rule, since it did not double...
        assertTrue(KeepingUp.bounded(lag(5_000, 9_000)));
        // ...but the scorer delivered 42,331 predictions/s where bare Kafka delivered 50,092.
        assertFalse(ServingBenchmark.keptUp(lag(5_000, 9_000), 42_331, 50_092));
    }

    @Test
    void aSteadyScorerDeliveringWhatKafkaDeliversKeptUp() {
        // A flat lag, and 98 % of what bare Kafka delivered.
        assertTrue(ServingBenchmark.keptUp(lag(20, 25), 19_544, 19_911));
        assertFalse(ServingBenchmark.keptUp(lag(20, 2_000), 19_544, 19_911), "a lag that grows is not kept up");
        assertFalse(ServingBenchmark.keptUp(lag(20, 25), 0.94 * 19_911, 19_911), "nor 94 % of bare's delivery");
    }
}
